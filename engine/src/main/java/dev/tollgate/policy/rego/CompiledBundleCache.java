package dev.tollgate.policy.rego;

import dev.tollgate.policy.CompiledStore;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Wasm builds kept in a directory, so that a start with an unchanged bundle skips {@code opa check} and
 * {@code opa build}. A build's file is named by a digest of the bundle's files, the opa version and the build
 * arguments; any change builds again, reporting problems as always. Only a bundle that loaded with no problem is
 * stored, gzipped so that a damaged file fails its checksum and is built over.
 */
final class CompiledBundleCache {
    private static final System.Logger LOG = System.getLogger(CompiledBundleCache.class.getName());
    private static final String PREFIX = "bundle-";
    private static final String SUFFIX = ".wasm.gz";

    private final Optional<Path> directory;
    private final AtomicInteger loaded = new AtomicInteger();

    private CompiledBundleCache(Optional<Path> directory) {
        this.directory = directory;
    }

    static CompiledBundleCache none() {
        return new CompiledBundleCache(Optional.empty());
    }

    static CompiledBundleCache in(Path directory) {
        return new CompiledBundleCache(Optional.of(directory));
    }

    /** Where the build of this bundle digest with these opa arguments is kept; empty when nothing is kept. */
    Optional<Path> file(OpaBinary opa, String digest, List<String> buildArguments) {
        if (directory.isEmpty()) {
            return Optional.empty();
        }
        List<byte[]> parts = new ArrayList<>(List.of(CompiledStore.utf8(opa.version()), CompiledStore.utf8(digest)));
        buildArguments.forEach(argument -> parts.add(CompiledStore.utf8(argument)));
        return Optional.of(directory.get().resolve(PREFIX + CompiledStore.key(parts) + SUFFIX));
    }

    Optional<WasmBundle> load(Path file) {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(Files.newInputStream(file)))) {
            byte[] wasm = in.readNBytes(in.readInt());
            String data = new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
            if (in.read() != -1) {
                throw new IOException("trailing bytes");
            }
            loaded.incrementAndGet();
            return Optional.of(new WasmBundle(wasm, data));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the stored Wasm build " + file + " cannot be read (" + e
                    + "); building the bundle");
            return Optional.empty();
        }
    }

    /** Replaces the earlier stored builds; a failure to store is logged and changes nothing else. */
    void store(Path file, WasmBundle bundle) {
        try {
            CompiledStore.write(file, PREFIX + "*" + SUFFIX, stream -> {
                try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(stream))) {
                    byte[] data = bundle.dataJson().getBytes(StandardCharsets.UTF_8);
                    out.writeInt(bundle.policyWasm().length);
                    out.write(bundle.policyWasm());
                    out.writeInt(data.length);
                    out.write(data);
                }
            });
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot store the Wasm build in " + file.getParent() + " (" + e
                    + "); the next start builds it again");
        }
    }

    /** Bundles loaded from the directory instead of built, since this was made. */
    int loaded() {
        return loaded.get();
    }
}
