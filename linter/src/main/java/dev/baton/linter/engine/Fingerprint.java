package dev.baton.linter.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Content hashes: stable across line moves because no line number goes in. */
public final class Fingerprint {
    private Fingerprint() {
    }

    /** A 16-hex-digit fingerprint of rule id, file and anchor text (whitespace-normalised). */
    public static String of(String ruleId, String file, String anchor) {
        String normalised = anchor == null ? "" : anchor.strip().replaceAll("\\s+", " ");
        return sha256(ruleId + "\u0000" + file + "\u0000" + normalised).substring(0, 16);
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
