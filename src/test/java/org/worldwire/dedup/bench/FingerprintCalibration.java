package org.worldwire.dedup.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.worldwire.dedup.ContentFingerprint;

/**
 * Where {@link ContentFingerprint#DEFAULT_MAX_DISTANCE} comes from: SimHash distances between copies of real
 * article bodies with a share of their words replaced, against distances between different articles.
 * Reads the extraction benchmark's truth file (article bodies) when it is present beside the repository.
 * Run from the repository root: {@code java -cp target/test-classes:target/classes:$(cat target/test.cp)
 * org.worldwire.dedup.bench.FingerprintCalibration [truth.json]}.
 */
public final class FingerprintCalibration {
    private FingerprintCalibration() {}

    public static void main(String[] args) throws IOException {
        Path truth = Path.of(args.length > 0 ? args[0] : "../shared/bench/extraction/dev/truth.json");
        if (!Files.isRegularFile(truth)) {
            System.err.println("no article bodies at " + truth + "; pass the path of a truth.json with \"body\" fields");
            System.exit(2);
        }
        List<String> bodies = new ArrayList<>();
        for (JsonNode doc : new ObjectMapper().readTree(truth.toFile())) {
            JsonNode body = doc.get("body");
            if (body != null && body.isTextual() && !body.asText().isBlank()) bodies.add(body.asText());
        }
        int threshold = ContentFingerprint.DEFAULT_MAX_DISTANCE;
        List<ContentFingerprint> fps = bodies.stream().map(b -> ContentFingerprint.of("", b)).toList();

        int pairs = 0, falseMatches = 0, minDistance = 64;
        for (int i = 0; i < fps.size(); i++) {
            for (int j = i + 1; j < fps.size(); j++) {
                if (fps.get(i).exactHash() == fps.get(j).exactHash()) continue;
                pairs++;
                minDistance = Math.min(minDistance, fps.get(i).distanceTo(fps.get(j)));
                if (ContentFingerprint.nearDuplicate(fps.get(i), fps.get(j))) falseMatches++;
            }
        }
        System.out.printf("articles %d, different-article pairs %d, closest pair %d bits, pairs judged near-duplicate %d%n",
                bodies.size(), pairs, minDistance, falseMatches);

        Random random = new Random(1);
        for (double share : new double[] {0.005, 0.01, 0.02, 0.05}) {
            int copies = 0, found = 0;
            int[] histogram = new int[65];
            for (String body : bodies) {
                String[] words = body.split("\\s+");
                if (words.length < 100) continue; // too short to edit by a share
                int edits = Math.max(1, (int) (words.length * share));
                for (int e = 0; e < edits; e++) words[random.nextInt(words.length)] = "w" + random.nextInt(1_000_000);
                ContentFingerprint copy = ContentFingerprint.of("", String.join(" ", words));
                ContentFingerprint original = ContentFingerprint.of("", body);
                copies++;
                histogram[original.distanceTo(copy)]++;
                if (ContentFingerprint.nearDuplicate(original, copy)) found++;
            }
            StringBuilder h = new StringBuilder();
            for (int d = 0; d <= 16; d++) h.append(d == 0 ? "" : " ").append(histogram[d]);
            System.out.printf("%.1f%% of words replaced: %d/%d copies within %d bits (%.1f%%); distances 0..16: %s%n",
                    share * 100, found, copies, threshold, 100.0 * found / copies, h);
        }
    }
}
