package vn.docaxis.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import vn.docaxis.platform.ErrorCode;
import vn.docaxis.platform.ProblemException;

/** People's passwords: bcrypt, cost 11, with a length policy bcrypt can honour. */
public final class Passwords {

    public static final int MIN_LENGTH = 12;
    /** bcrypt reads at most 72 bytes; longer passwords would be silently truncated. */
    public static final int MAX_BYTES = 72;
    private static final int COST = 11;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Compared against when the user is unknown, so that timing does not reveal which names exist. */
    private static final String DECOY = hash("decoy-password-never-valid".toCharArray());

    private Passwords() {
    }

    public static String hash(char[] password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return OpenBSDBCrypt.generate("2b", password, salt, COST);
    }

    public static boolean matches(String hash, char[] password) {
        if (password.length == 0 || new String(password).getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return false;
        }
        return OpenBSDBCrypt.checkPassword(hash, password);
    }

    public static void spendDecoyTime(char[] password) {
        matches(DECOY, password.length == 0 ? new char[] {'x'} : password);
    }

    public static void requirePolicy(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new ProblemException(ErrorCode.WEAK_PASSWORD, "A password needs at least " + MIN_LENGTH + " characters",
                    Map.of("field", "password"));
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new ProblemException(ErrorCode.WEAK_PASSWORD, "A password may hold at most " + MAX_BYTES + " bytes (UTF-8)",
                    Map.of("field", "password"));
        }
        if (password.isBlank() || password.chars().distinct().count() < 4) {
            throw new ProblemException(ErrorCode.WEAK_PASSWORD, "A password needs at least 4 different characters",
                    Map.of("field", "password"));
        }
    }
}
