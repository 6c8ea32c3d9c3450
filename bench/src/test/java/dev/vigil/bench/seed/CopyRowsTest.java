package dev.vigil.bench.seed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CopyRowsTest {

    @Test
    void separatesFieldsWithTabsAndRowsWithNewLines() {
        CopyRows rows = new CopyRows().add("a").add(1).add(2.5).endRow().add("b").add(null).add(true).endRow();

        assertThat(rows.rows()).isEqualTo(2);
        assertThat(rows.take()).isEqualTo("a\t1\t2.5\nb\t\\N\ttrue\n");
    }

    @Test
    void escapesWhatCopyReadsAsSyntax() {
        CopyRows rows = new CopyRows().add("tab\there").add("line\nbreak\r").add("back\\slash").endRow();

        assertThat(rows.take()).isEqualTo("tab\\there\tline\\nbreak\\r\tback\\\\slash\n");
    }

    @Test
    void takingEmptiesIt() {
        CopyRows rows = new CopyRows().add("x").endRow();
        rows.take();

        assertThat(rows.rows()).isZero();
        assertThat(rows.take()).isEmpty();
    }
}
