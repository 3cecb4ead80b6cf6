package vn.docaxis.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record PasswordChange(@NotBlank @Size(max = 200) String password) {
}
