public class Placeholder { [Fact] public void Builds() => 1.ShouldBe(1); }
