namespace Adas.Api.Features.Users.Get;

public sealed class Request
{
    public Guid Id { get; set; }
}
