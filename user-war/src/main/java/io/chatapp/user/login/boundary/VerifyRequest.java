package io.chatapp.user.login.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * {@code {"email": ..., "otp": "12345678"}}: the 8 digits of the mail, or the long code ({@code
 * ABCD-EFGH-JKMN}, dashes optional, either case) mailed once too many wrong codes were tried.
 */
public record VerifyRequest(
    @NotNull(message = "email is required") String email,
    @NotNull(message = "otp is required")
        @Pattern(
            regexp = "\\s*(\\d{8}|[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}-?[A-Za-z0-9]{4})\\s*",
            message = "otp must be the 8 digits or the 12-letter code from the mail")
        String otp) {}
