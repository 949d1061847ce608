package dev.mlpkit.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File names cannot forge result lines or reach the terminal: control characters are printed as escapes. */
class PrintableTest {

    @TempDir
    Path temp;

    @Test
    void controlCharactersBecomeEscapes() {
        assertEquals("photo.jpg", Printable.of("photo.jpg"));
        assertEquals("a\\nb.jpg: galaxy (p=1.00)", Printable.of("a\nb.jpg: galaxy (p=1.00)"));
        assertEquals("\\e[31mred\\e[0m \\t \\r \\x07 \\x7f \\\\", Printable.of("\u001b[31mred\u001b[0m \t \r \u0007 \u007f \\"));
        assertEquals("evil\\u202egpj.exe", Printable.of("evil\u202egpj.exe"));
        assertEquals("été.png", Printable.of("été.png"));
    }

    @Test
    void aNewlineInAFileNameStaysOnTheErrorLine() {
        Path forged = temp.resolve("x.mlp\ngalaxy.jpg: galaxy (p=1.00)");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.run("model", "inspect", forged.toString());
        } finally {
            System.setErr(saved);
        }
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, code, text);
        assertTrue(text.contains("x.mlp\\ngalaxy.jpg: galaxy (p=1.00) does not exist"), text);
        assertFalse(text.contains("\ngalaxy.jpg"), text);
    }
}
