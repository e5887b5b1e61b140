namespace Reintegration.Storage; public static class Placeholder { }
