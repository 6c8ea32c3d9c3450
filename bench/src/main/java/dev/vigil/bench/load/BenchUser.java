package dev.vigil.bench.load;

/** A user of both realms, signing in from home ({@code address}, as the proxy's X-Forwarded-For says). */
public record BenchUser(String username, String password, String address) {

    /** Where the demo realm's OTP step sends this user's codes (the development outbox, by e-mail). */
    public String email() {
        return username + "@bench.example";
    }
}
