package dev.mlpkit.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableTest {

    @TempDir
    Path temp;

    private Path csv(String name, String text) throws IOException {
        return Files.writeString(temp.resolve(name), text);
    }

    @Test
    void readsNumbersAndLabelsWithQuotesBomAndCrlf() throws IOException {
        Path file = csv("t.csv", "\uFEFFx,\"label\",y\r\n1.5,\"b, quoted\",2\r\n\r\n-3e2,a,4\r\n");
        Table table = Table.read(file, "label", null);
        assertEquals(List.of("x", "y"), table.columns());
        assertArrayEquals(new double[] { 1.5, 2 }, table.values()[0]);
        assertArrayEquals(new double[] { -300, 4 }, table.values()[1]);
        assertEquals(List.of("a", "b, quoted"), table.classNames());
        assertArrayEquals(new int[] { 1, 0 }, table.examples(table.classNames()).labels());
    }

    @Test
    void readsTheColumnsAskedForInTheirOrder() throws IOException {
        Table table = Table.read(csv("t.csv", "a,b,c\n1,2,3\n"), null, List.of("c", "a"));
        assertArrayEquals(new double[] { 3, 1 }, table.values()[0]);
    }

    @Test
    void numericLabelsAreOrderedByValue() throws IOException {
        Table table = Table.read(csv("t.csv", "x,k\n1,10\n2,2\n3,1\n"), "k", null);
        assertEquals(List.of("1", "2", "10"), table.classNames());
    }

    @Test
    void mistakesAreNamedByLineAndColumn() throws IOException {
        assertMessage("t.csv has no column 'kind' for the labels; its columns are x, y",
                csv("t.csv", "x,y\n1,2\n"), "kind");
        assertMessage("line 3 of r.csv has 1 values, but the header names 2 columns", csv("r.csv", "x,y\n1,a\n2\n"), "y");
        assertMessage("line 2 of n.csv has 'abc' in column 'x', which is not a finite number",
                csv("n.csv", "x,y\nabc,a\n"), "y");
        assertMessage("line 2 of i.csv has 'NaN' in column 'x', which is not a finite number",
                csv("i.csv", "x,y\nNaN,a\n"), "y");
        assertMessage("line 2 of e.csv has no value in column 'x'", csv("e.csv", "x,y\n,a\n"), "y");
        assertMessage("line 2 of l.csv has no label in column 'y'", csv("l.csv", "x,y\n1,\n"), "y");
        assertMessage("h.csv has a header but no rows", csv("h.csv", "x,y\n"), "y");
        assertMessage("o.csv has no feature columns besides the label column 'y'", csv("o.csv", "y\na\n"), "y");
        Path latin1 = temp.resolve("latin1.csv");
        Files.write(latin1, "x,y\n1,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertMessage("latin1.csv is not a text file in UTF-8", latin1, "y");
        assertMessage(temp.resolve("none.csv") + " does not exist", temp.resolve("none.csv"), "y");
    }

    private static void assertMessage(String message, Path file, String label) {
        DatasetException e = assertThrows(DatasetException.class, () -> Table.read(file, label, null));
        assertEquals(message, e.getMessage());
    }

    @Test
    void standardisationUsesTheRowsItIsFittedOn() {
        Standardization s = Standardization.fit(new double[][] { { 1, 5 }, { 3, 5 } });
        assertArrayEquals(new double[] { 2, 5 }, s.means());
        assertArrayEquals(new double[] { 1, 1 }, s.deviations(), "a constant column is only centred");
        assertArrayEquals(new double[] { 2, 0 }, s.apply(new double[][] { { 4, 5 } })[0]);
        Standardization back = Standardization.fromMap(s.toMap(), 2);
        assertArrayEquals(s.means(), back.means());
        assertArrayEquals(s.deviations(), back.deviations());
        assertThrows(IllegalArgumentException.class, () -> Standardization.fromMap(s.toMap(), 3));
    }
}
