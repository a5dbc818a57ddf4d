package dev.tollgate.policy.rego;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * What {@code opa build -t wasm} produced: the compiled policy module and the bundle's data document,
 * read from the bundle.tar.gz it writes (a POSIX tar with /policy.wasm and /data.json).
 */
record WasmBundle(byte[] policyWasm, String dataJson) {
    private static final int BLOCK = 512;

    static WasmBundle read(Path tarGz) throws IOException {
        byte[] wasm = null;
        String data = "{}";
        try (InputStream in = new GZIPInputStream(Files.newInputStream(tarGz))) {
            byte[] header = new byte[BLOCK];
            while (in.readNBytes(header, 0, BLOCK) == BLOCK && header[0] != 0) {
                String name = field(header, 0, 100).replaceFirst("^/", "");
                long size = Long.parseLong(field(header, 124, 12).strip(), 8);
                byte[] content = in.readNBytes(Math.toIntExact(size));
                in.skipNBytes((BLOCK - size % BLOCK) % BLOCK);
                if (name.equals("policy.wasm")) {
                    wasm = content;
                } else if (name.equals("data.json")) {
                    data = new String(content, StandardCharsets.UTF_8);
                }
            }
        }
        if (wasm == null) {
            throw new IOException("opa build wrote no policy.wasm into " + tarGz.getFileName());
        }
        return new WasmBundle(wasm, data);
    }

    private static String field(byte[] header, int offset, int length) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = offset; i < offset + length && header[i] != 0; i++) {
            bytes.write(header[i]);
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }
}
