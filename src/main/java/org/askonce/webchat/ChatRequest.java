package org.askonce.webchat;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/chat} body. {@code userId} is optional: without it the citizen's own (from their
 * identity cookie) is used, a new one the first time; the response names it.
 */
record ChatRequest(
        @Size(min = 1, max = 128, message = "userId 长度应为 1–128 个字符")
        @Pattern(regexp = "[\\w.:@-]*", message = "userId 只能包含字母、数字和 . _ : @ -")
        String userId,
        @NotBlank(message = "请输入问题（text 不能为空）")
        @Size(max = 500, message = "问题太长了，请控制在 500 字以内（text 最多 500 个字符）")
        String text) {
}
