package org.askonce.webchat;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/chat} body. */
record ChatRequest(
        @NotBlank(message = "userId must not be blank")
        @Size(max = 128, message = "userId must be at most 128 characters")
        @Pattern(regexp = "[\\w.:@-]*", message = "userId may contain only letters, digits and . _ : @ -")
        String userId,
        @NotBlank(message = "text must not be blank")
        @Size(max = 500, message = "text must be at most 500 characters")
        String text) {
}
