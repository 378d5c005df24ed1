using FluentValidation;

namespace Adas.Api.Features.Users;

public static class PasswordRules
{
    public const int MinimumLength = 10;

    public static IRuleBuilderOptions<T, string?> StrongPassword<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MinimumLength(MinimumLength).MaximumLength(128)
            .Must(p => p is null || (p.Any(char.IsLetter) && p.Any(c => !char.IsLetter(c))))
            .WithMessage("'{PropertyName}' must mix letters with digits or symbols.");
}
