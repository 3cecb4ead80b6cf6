package vn.docaxis.edxml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Opens an attachment that is a ZIP holding "the file" (EDXML.md). The single file is extracted,
 * inflating at most {@code maxUnzippedBytes} and refusing suspicious expansion ratios, whatever
 * sizes the archive declares. An archive of several files stays as it is.
 */
final class ZippedContent {

    private static final long RATIO_FLOOR = 1 << 20;

    record Result(Path content, long size, String sha256, String name, String problem) {
        static Result problem(String why) {
            return new Result(null, 0, null, null, why);
        }
    }

    private ZippedContent() {
    }

    static Result open(Path zip, long zipSize, Path target, Limits limits) {
        List<ZipEntry> files = new ArrayList<>();
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = archive.entries();
            int count = 0;
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (++count > limits.maxZipEntries()) {
                    return Result.problem("the ZIP holds more than " + limits.maxZipEntries() + " entries");
                }
                if (!entry.isDirectory()) {
                    files.add(entry);
                }
            }
            if (files.size() != 1) {
                return new Result(null, 0, null, null, null); // an archive of several files: kept as sent
            }
            ZipEntry entry = files.get(0);
            HashingFileOutput out = new HashingFileOutput(target, limits.maxUnzippedBytes());
            try (out; InputStream in = archive.getInputStream(entry)) {
                byte[] buffer = new byte[65536];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    out.write(buffer, 0, n);
                    if (out.size() > RATIO_FLOOR && out.size() / Math.max(1, zipSize) > limits.maxZipRatio()) {
                        return Result.problem("the ZIP expands more than " + limits.maxZipRatio() + " times (zip bomb?)");
                    }
                }
            } catch (HashingFileOutput.LimitExceeded e) {
                return Result.problem("the file inside the ZIP is larger than " + limits.maxUnzippedBytes() + " bytes");
            }
            return new Result(target, out.size(), out.sha256(), entry.getName(), null);
        } catch (IOException | RuntimeException e) {
            return Result.problem("the ZIP is damaged (" + e.getClass().getSimpleName() + ")");
        }
    }
}
