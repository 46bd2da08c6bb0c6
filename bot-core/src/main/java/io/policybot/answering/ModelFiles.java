package io.policybot.answering;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.zip.ZipEntry;

/**
 * The bundled model files (ONNX models, tokenizers, ONNX Runtime's native libraries) unpacked once into a directory,
 * so that a start reads them from disk instead of inflating them out of the jars every time (the largest share of
 * the model load: the English model alone is 34 MB, compressed to 24 MB in its jar).
 * Files are put in a folder named by the jar entry's CRC and size, so a new library version unpacks its own copy;
 * each is written to a temporary file and moved into place, so that a crash or a second process never leaves half a
 * file under the final name.
 */
final class ModelFiles {
    private final Path dir;

    ModelFiles(Path dir) {
        this.dir = dir;
    }

    /** The resource {@code name}, as {@code owner}'s class loader finds it, as a file of this directory. */
    Path file(Class<?> owner, String name) {
        URL url = resource(owner, name);
        return unpack(url, dir.resolve(version(url)).resolve(name.substring(name.lastIndexOf('/') + 1)));
    }

    /**
     * ONNX Runtime's native libraries unpacked into one folder, to give it as {@code onnxruntime.native.path} (it
     * otherwise unpacks 16 MB into a new temporary directory at every start); null when this platform's libraries
     * are not in ONNX Runtime's jar (it then finds its own as before).
     */
    Path nativeLibraries(Class<?> ortClass) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String platform = (os.contains("linux") ? "linux" : os.contains("mac") ? "osx" : os.contains("win") ? "win" : os)
                + "-" + (arch.equals("amd64") || arch.equals("x86_64") ? "x64" : arch);
        String base = "ai/onnxruntime/native/" + platform + "/";
        String runtime = System.mapLibraryName("onnxruntime");
        String jni = System.mapLibraryName("onnxruntime4j_jni");
        URL runtimeUrl = ortClass.getClassLoader().getResource(base + runtime);
        URL jniUrl = ortClass.getClassLoader().getResource(base + jni);
        if (runtimeUrl == null || jniUrl == null) {
            return null;
        }
        Path folder = dir.resolve("onnxruntime-" + version(runtimeUrl) + "-" + version(jniUrl));
        unpack(runtimeUrl, folder.resolve(runtime));
        unpack(jniUrl, folder.resolve(jni));
        return folder;
    }

    private static URL resource(Class<?> owner, String name) {
        URL url = owner.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException("missing bundled file " + name + " beside " + owner.getName());
        }
        return url;
    }

    private Path unpack(URL url, Path target) {
        if (Files.isRegularFile(target)) {
            return target;
        }
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
            try {
                URLConnection connection = url.openConnection();
                connection.setUseCaches(false); // else the jar stays open for the life of the process
                try (InputStream in = connection.getInputStream()) {
                    Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + url + " into " + dir, e);
        }
    }

    /** The jar entry's CRC and size (from the jar's directory: nothing inflated), or "plain" for a file on disk. */
    private static String version(URL url) {
        if (!"jar".equals(url.getProtocol())) {
            return "plain";
        }
        try {
            JarURLConnection jar = (JarURLConnection) url.openConnection();
            jar.setUseCaches(false);
            ZipEntry entry = jar.getJarEntry();
            String tag = String.format(Locale.ROOT, "%08x-%d", entry.getCrc(), entry.getSize());
            jar.getJarFile().close();
            return tag;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url, e);
        }
    }
}
