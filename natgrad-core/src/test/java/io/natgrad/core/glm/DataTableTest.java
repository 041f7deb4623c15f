package io.natgrad.core.glm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming CSV reader: a column is numeric when every present cell is a decimal number (with
 * exponents, signs, leading or trailing dots), text otherwise ("25-34", "1.2.3", "-"); quoted
 * fields with commas; missing (empty or NA) and non-finite cells refused when the column is used,
 * naming the column, the row and the value; a line with the wrong number of fields refused.
 */
class DataTableTest {
  @TempDir
  Path tmp;

  @Test
  void kindsValuesQuotesAndRefusals() throws Exception {
    Path f = tmp.resolve("t.csv");
    Files.writeString(f, "a,b,c,d,e\n"
        + "1.5,25-34,\"x, y\",1e5,+.5\n"
        + "-2,35-44,z,-3.25E-2,7.\n"
        + " 3 ,45+,\"q\"\"q\",NA,8\n");
    DataTable t = DataTable.readCsv(f);
    assertThat(t.rows()).isEqualTo(3);
    assertThat(t.isNumeric("a")).isTrue();
    assertThat(t.numeric("a")).containsExactly(1.5, -2, 3);
    assertThat(t.isNumeric("b")).isFalse();
    assertThat(t.text("b")).containsExactly("25-34", "35-44", "45+");
    assertThat(t.text("c")).containsExactly("x, y", "z", "q\"q");
    assertThat(t.isNumeric("d")).isTrue();
    assertThatThrownBy(() -> t.numeric("d")).hasMessageContaining("column 'd' row 3 has no "
        + "value ('NA')");
    assertThat(t.numeric("e")).containsExactly(0.5, 7, 8);
    Path g = tmp.resolve("g.csv");
    Files.writeString(g, "a,b\n1,2\n3\n");
    assertThatThrownBy(() -> DataTable.readCsv(g)).hasMessageContaining("line 3 has 1 fields, "
        + "the header 2");
    Path h = tmp.resolve("h.csv");
    Files.writeString(h, "a,b\n1,-\n2,1.2.3\n");
    DataTable u = DataTable.readCsv(h);
    assertThat(u.isNumeric("b")).isFalse();
    Path i = tmp.resolve("i.csv");
    Files.writeString(i, "a,a\n1,2\n");
    assertThatThrownBy(() -> DataTable.readCsv(i)).hasMessageContaining("column 'a' appears "
        + "twice");
    Path nan = tmp.resolve("n.csv");
    Files.writeString(nan, "a\n1\nInfinity\n");
    assertThatThrownBy(() -> DataTable.readCsv(nan).numeric("a"))
        .hasMessageContaining("column 'a' row 2 is Infinity; a numeric column needs finite values");
  }

  /**
   * One pass when each column keeps its first kind; a column that turns text after numbers or
   * after missing cells (or is never given) is read by the two-pass reader: the same table either
   * way, cell for cell.
   */
  @Test
  void onePassAndTwoPassReadTheSameTable() throws Exception {
    StringBuilder sb = new StringBuilder("n,t,late,gap,m\n");
    for (int r = 0; r < 3000; r++) { // past the first capacity (1024), twice
      sb.append(r * 0.25).append(',').append("abc".charAt(r % 3)).append(',')
          .append(r == 2500 ? "x" : String.valueOf(r)).append(',')
          .append(r < 3 ? "" : "g" + (r % 2)).append(',').append(r % 7 == 0 ? "NA" : "1e-3")
          .append('\n');
    }
    Path all = tmp.resolve("all.csv");
    Files.writeString(all, sb.toString().replace(",x,", ",2500,").replace(",,", ",g0,"));
    Path mixed = tmp.resolve("mixed.csv");
    Files.writeString(mixed, sb.toString().replace(",,", ",g0,"));
    Path gap = tmp.resolve("gap.csv");
    Files.writeString(gap, sb.toString().replace(",x,", ",2500,"));
    for (Path f : new Path[] {all, mixed}) {
      DataTable once = DataTable.readCsv(f);
      DataTable twice = DataTable.readTwice(f);
      assertThat(once.rows()).isEqualTo(3000);
      assertThat(once.names()).isEqualTo(twice.names());
      for (String c : once.names()) {
        assertThat(once.isNumeric(c)).as(c).isEqualTo(twice.isNumeric(c));
        if (once.isNumeric(c) && !c.equals("m")) {
          assertThat(once.numeric(c)).as(c).isEqualTo(twice.numeric(c));
        } else if (!once.isNumeric(c)) {
          assertThat(once.text(c)).as(c).isEqualTo(twice.text(c));
        }
      }
      assertThatThrownBy(() -> once.numeric("m")).hasMessageContaining("column 'm' row 1 has "
          + "no value ('NA')");
    }
    assertThat(DataTable.readCsv(all).isNumeric("late")).isTrue();
    assertThat(DataTable.readCsv(mixed).isNumeric("late")).isFalse();
    assertThat(DataTable.readCsv(mixed).text("late")[2500]).isEqualTo("x");
    // text after missing cells: the two-pass reader's refusal of a missing factor value
    assertThatThrownBy(() -> DataTable.readCsv(gap)).hasMessageContaining("column 'gap' row 1 "
        + "has no value");
  }
}
