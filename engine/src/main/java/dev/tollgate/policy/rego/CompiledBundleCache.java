package dev.tollgate.policy.rego;

import com.dylibso.chicory.wasm.Version;
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
 * {@code opa build} and Chicory's compilation of the module to JVM classes: a file holds the module, the data
 * document and the compiled classes. It is named by a digest of the bundle's files, the opa version, the build
 * arguments and the Chicory version; any change builds again, reporting problems as always. Only a bundle that
 * loaded with no problem is stored, gzipped so that a damaged file fails its checksum and is built over.
 */
final class CompiledBundleCache {
    private static final System.Logger LOG = System.getLogger(CompiledBundleCache.class.getName());
    private static final String PREFIX = "bundle-";
    private static final String SUFFIX = ".wasm.gz";

    private final Optional<Path> directory;
    private final AtomicInteger loaded = new AtomicInteger();
    private final AtomicInteger stored = new AtomicInteger();

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
        List<byte[]> parts = new ArrayList<>(List.of(CompiledStore.utf8(opa.version()), CompiledStore.utf8(digest),
                CompiledStore.utf8(Version.version())));
        buildArguments.forEach(argument -> parts.add(CompiledStore.utf8(argument)));
        return Optional.of(directory.get().resolve(PREFIX + CompiledStore.key(parts) + SUFFIX));
    }

    /** A build and the classes its module compiled to. */
    record Stored(WasmBundle bundle, MachineClasses classes) {
    }

    Optional<Stored> load(Path file) {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(Files.newInputStream(file)))) {
            byte[] wasm = readFully(in);
            String data = new String(readFully(in), StandardCharsets.UTF_8);
            String moduleDigest = in.readUTF();
            byte[] jar = readFully(in);
            if (in.read() != -1) {
                throw new IOException("trailing bytes");
            }
            loaded.incrementAndGet();
            return Optional.of(new Stored(new WasmBundle(wasm, data), new MachineClasses(moduleDigest, jar)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the stored Wasm build " + file + " cannot be read (" + e
                    + "); building the bundle");
            return Optional.empty();
        }
    }

    /** Replaces the earlier stored builds; a failure to store is logged and changes nothing else. */
    void store(Path file, Stored build) {
        try {
            CompiledStore.write(file, PREFIX + "*" + SUFFIX, stream -> {
                try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(stream))) {
                    writeFully(out, build.bundle().policyWasm());
                    writeFully(out, build.bundle().dataJson().getBytes(StandardCharsets.UTF_8));
                    out.writeUTF(build.classes().moduleDigest());
                    writeFully(out, build.classes().jar());
                }
            });
            stored.incrementAndGet();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot store the Wasm build in " + file.getParent() + " (" + e
                    + "); the next start builds it again");
        }
    }

    private static byte[] readFully(DataInputStream in) throws IOException {
        int length = in.readInt();
        byte[] bytes = in.readNBytes(length);
        if (length < 0 || bytes.length != length) {
            throw new IOException("cut short");
        }
        return bytes;
    }

    private static void writeFully(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** Bundles loaded from the directory instead of built, since this was made. */
    int loaded() {
        return loaded.get();
    }

    /** Builds written to the directory (built, or their module compiled again), since this was made. */
    int stored() {
        return stored.get();
    }
}
