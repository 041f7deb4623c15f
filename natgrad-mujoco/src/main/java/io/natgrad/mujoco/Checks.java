package io.natgrad.mujoco;

import java.util.Collection;
import java.util.function.ToLongFunction;

/** The check that a struct's pointer fields are where the layout table says. */
final class Checks {
  private Checks() {}

  /**
   * Each field's array (of its byte length) lies in [base, end) after the previous one, in the
   * table's order: what MuJoCo's allocator does for the lists of mjxmacro.h. A table that does not
   * describe the loaded library fails this at once, rather than reading the wrong memory later.
   */
  static void ordered(String what, Collection<MjLayout.Field> fields, long base, long end,
      ToLongFunction<MjLayout.Field> address, ToLongFunction<MjLayout.Field> bytes) {
    long next = base;
    for (MjLayout.Field f : fields) {
      long n = bytes.applyAsLong(f);
      long a = address.applyAsLong(f);
      if (n == 0) {
        continue; // an empty array may be a null pointer
      }
      if (a < next || a + n > end) {
        throw new MujocoUnavailableException(what + ": field " + f.name() + " is at 0x"
            + Long.toHexString(a) + " (" + n + " bytes), outside [0x" + Long.toHexString(next)
            + ", 0x" + Long.toHexString(end) + "): the loaded MuJoCo does not have the layout "
            + "natgrad's binding was generated for");
      }
      next = a + n;
    }
  }
}
