package io.liqvol.gateway.alerts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class AtomicFileTest
{
    @Test
    void shouldReplaceTheFileWholeAndLeaveNoTemporaryFile(@TempDir final Path dir) throws IOException
    {
        final Path file = dir.resolve("sub").resolve("state.json");
        AtomicFile.write(file, "first, longer content".getBytes());
        AtomicFile.write(file, "second".getBytes());

        assertThat(Files.readString(file)).isEqualTo("second");
        assertThat(Files.list(file.getParent())).containsExactly(file);
    }
}
