package dev.vigil.otp.code;

import java.security.SecureRandom;

/** Draws codes uniformly from an alphabet with a {@link SecureRandom}. */
public final class CodeGenerator {

    public static final int MIN_LENGTH = 6;
    public static final int MAX_LENGTH = 10;

    private final SecureRandom random;

    public CodeGenerator(SecureRandom random) {
        this.random = random;
    }

    public String generate(int length, CodeAlphabet alphabet) {
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new IllegalArgumentException("code length must be " + MIN_LENGTH + " to " + MAX_LENGTH + ", was " + length);
        }
        String characters = alphabet.characters();
        StringBuilder code = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            code.append(characters.charAt(random.nextInt(characters.length())));
        }
        return code.toString();
    }
}
