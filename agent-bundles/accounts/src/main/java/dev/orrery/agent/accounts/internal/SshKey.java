package dev.orrery.agent.accounts.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One OpenSSH public key line, {@code type base64 [comment]}, checked: a known type, a blob that
 * decodes and names the same type, a printable comment. Options ({@code command=…}) are refused.
 *
 * @param type the key type
 * @param blob the base64 key
 * @param comment the comment, possibly empty
 */
record SshKey(String type, String blob, String comment) {
    static final Set<String> TYPES = Set.of("ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384",
            "ecdsa-sha2-nistp521", "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com");
    private static final int MAX_LENGTH = 16 * 1024;
    private static final Pattern LINE = Pattern.compile("(\\S+) ([A-Za-z0-9+/]+={0,2})(?: ([\\x20-\\x7e]{0,512}))?");

    /**
     * @param text one key line
     * @return the key
     * @throws Failure {@code BAD_TASK} if it is not a well-formed public key of a known type
     */
    static SshKey parse(String text) throws Failure {
        String t = text.strip();
        if (t.length() > MAX_LENGTH || t.contains("\n") || t.contains("\r")) {
            throw Failure.badTask("param 'sshPublicKey' must be one line of at most " + MAX_LENGTH + " characters");
        }
        Matcher m = LINE.matcher(t);
        if (!m.matches() || !TYPES.contains(m.group(1))) {
            throw Failure.badTask("param 'sshPublicKey' must be 'type base64 [comment]' with a type among " + TYPES);
        }
        if (!m.group(1).equals(blobType(m.group(2)))) {
            throw Failure.badTask("param 'sshPublicKey': the key data does not hold a " + m.group(1) + " key");
        }
        return new SshKey(m.group(1), m.group(2), m.group(3) == null ? "" : m.group(3).strip());
    }

    private static String blobType(String blob) {
        try {
            ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(blob));
            int n = b.getInt();
            if (n <= 0 || n > 64 || n > b.remaining()) {
                return null;
            }
            byte[] name = new byte[n];
            b.get(name);
            return new String(name, StandardCharsets.US_ASCII);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * @param other another key
     * @return whether both hold the same key material (comments aside)
     */
    boolean sameKey(SshKey other) {
        return other != null && type.equals(other.type) && blob.equals(other.blob);
    }

    /** @return the line as written to authorized_keys */
    String line() {
        return comment.isEmpty() ? type + " " + blob : type + " " + blob + " " + comment;
    }

    /**
     * @param line a line of an authorized_keys file
     * @return the key it holds, or {@code null} for a comment, an option-prefixed or malformed line
     */
    static SshKey lenient(String line) {
        try {
            return parse(line);
        } catch (Failure f) {
            return null;
        }
    }
}
