public class T1 { [Fact] public void Builds() => 1.ShouldBe(1); }
