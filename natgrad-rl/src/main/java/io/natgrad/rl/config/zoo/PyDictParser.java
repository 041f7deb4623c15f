package io.natgrad.rl.config.zoo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the small Python-literal language the RL Zoo uses in YAML strings, e.g.
 * {@code "dict(log_std_init=-2, ortho_init=False, activation_fn=nn.ReLU, net_arch=dict(pi=[256,
 * 256], vf=[256, 256]))"} or {@code "{'norm_obs': True}"}: dict(...) and {...} maps, [...] lists,
 * numbers, True/False/None, quoted strings and dotted names (kept as strings). It never evaluates
 * code; anything else is refused with the position.
 */
final class PyDictParser {
  private final String s;
  private int i;

  private PyDictParser(String s) {
    this.s = s;
  }

  /** Parses one value. */
  static Object parse(String text) {
    PyDictParser p = new PyDictParser(text);
    Object v = p.value();
    p.skip();
    if (p.i != p.s.length()) {
      throw p.error("unexpected text");
    }
    return v;
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException(
        what + " at position " + i + " of '" + s + "'");
  }

  private void skip() {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
  }

  private boolean eat(char c) {
    skip();
    if (i < s.length() && s.charAt(i) == c) {
      i++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!eat(c)) {
      throw error("expected '" + c + "'");
    }
  }

  private Object value() {
    skip();
    if (i >= s.length()) {
      throw error("unexpected end");
    }
    char c = s.charAt(i);
    if (c == '[' || c == '(') {
      i++;
      char close = c == '[' ? ']' : ')';
      List<Object> list = new ArrayList<>();
      if (!eat(close)) {
        do {
          list.add(value());
        } while (eat(',') && !peek(close));
        expect(close);
      }
      return list;
    }
    if (c == '{') {
      i++;
      Map<String, Object> map = new LinkedHashMap<>();
      if (!eat('}')) {
        do {
          Object k = value();
          expect(':');
          map.put(String.valueOf(k), value());
        } while (eat(',') && !peek('}'));
        expect('}');
      }
      return map;
    }
    if (c == '\'' || c == '"') {
      int end = s.indexOf(c, i + 1);
      if (end < 0) {
        throw error("unterminated string");
      }
      String str = s.substring(i + 1, end);
      i = end + 1;
      return str;
    }
    if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
      int start = i;
      i++;
      while (i < s.length() && "0123456789.eE+-_".indexOf(s.charAt(i)) >= 0) {
        i++;
      }
      String num = s.substring(start, i).replace("_", "");
      try {
        if (num.matches("[+-]?\\d+")) {
          return Long.parseLong(num);
        }
        return Double.parseDouble(num);
      } catch (NumberFormatException e) {
        throw error("bad number '" + num + "'");
      }
    }
    if (Character.isLetter(c) || c == '_') {
      int start = i;
      while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_'
          || s.charAt(i) == '.')) {
        i++;
      }
      String name = s.substring(start, i);
      if (name.equals("dict") && eat('(')) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (!eat(')')) {
          do {
            skip();
            int ks = i;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
              i++;
            }
            String key = s.substring(ks, i);
            if (key.isEmpty()) {
              throw error("expected a keyword");
            }
            expect('=');
            map.put(key, value());
          } while (eat(',') && !peek(')'));
          expect(')');
        }
        return map;
      }
      return switch (name) {
        case "True" -> Boolean.TRUE;
        case "False" -> Boolean.FALSE;
        case "None" -> null;
        default -> name;
      };
    }
    throw error("unexpected character '" + c + "'");
  }

  private boolean peek(char c) {
    skip();
    return i < s.length() && s.charAt(i) == c;
  }
}
