namespace Fixture; public sealed record GreetingService(string Text);
