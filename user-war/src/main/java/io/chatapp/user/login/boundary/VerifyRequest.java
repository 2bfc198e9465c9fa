package io.chatapp.user.login.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** {@code {"email": ..., "otp": "12345678"}}. */
public record VerifyRequest(
    @NotNull(message = "email is required") String email,
    @NotNull(message = "otp is required")
        @Pattern(regexp = "\\s*\\d{8}\\s*", message = "otp must be 8 digits")
        String otp) {}
