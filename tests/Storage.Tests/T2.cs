public class T2 { [Fact] public void Builds() => 1.ShouldBe(1); }
