using Agents.Arena;

namespace Agents.Tests.Arena;

public sealed class RatingTests
{
    [Fact]
    public void Bradley_terry_matches_the_hand_computed_two_player_case()
    {
        // A beats B 3 times of 4: the MLE odds are 3:1, so R_A - R_B = 400 log10(3) = 190.85, centred on 1000.
        var battles = new[] { new Battle("A", "B", 1), new Battle("A", "B", 1), new Battle("B", "A", 0), new Battle("A", "B", 0) };

        var ratings = BradleyTerry.Fit(["A", "B"], battles);

        Assert.Equal(1000 + (200 * Math.Log10(3)), ratings["A"], 2);
        Assert.Equal(1000 - (200 * Math.Log10(3)), ratings["B"], 2);
    }

    [Fact]
    public void Ties_count_half_a_win_to_each()
    {
        // A: 1 win + 2 ties = 2 points of 3, B: 1 point: odds 2:1.
        var battles = new[] { new Battle("A", "B", 1), new Battle("A", "B", 0.5), new Battle("A", "B", 0.5) };

        var ratings = BradleyTerry.Fit(["A", "B"], battles);

        Assert.Equal(400 * Math.Log10(2), ratings["A"] - ratings["B"], 2);
    }

    [Fact]
    public void Three_players_in_a_chain_get_additive_log_odds()
    {
        // A-B 2:1 and B-C 2:1 and A-C 4:1 are consistent: R_A - R_C = 400 log10(4).
        var battles = new List<Battle>();
        void Add(string a, string b, int winsA, int winsB)
        {
            battles.AddRange(Enumerable.Repeat(new Battle(a, b, 1), winsA));
            battles.AddRange(Enumerable.Repeat(new Battle(a, b, 0), winsB));
        }

        Add("A", "B", 20, 10);
        Add("B", "C", 20, 10);
        Add("A", "C", 40, 10);

        var ratings = BradleyTerry.Fit(["A", "B", "C"], battles);

        Assert.Equal(400 * Math.Log10(4), ratings["A"] - ratings["C"], 1);
        Assert.Equal(400 * Math.Log10(2), ratings["A"] - ratings["B"], 1);
        Assert.Equal(1000, ratings.Values.Average(), 6);
    }

    [Fact]
    public void A_player_who_never_lost_stays_finite_and_on_top()
    {
        var battles = Enumerable.Repeat(new Battle("A", "B", 1), 5).ToList();

        var ratings = BradleyTerry.Fit(["A", "B"], battles);

        Assert.True(double.IsFinite(ratings["A"]));
        Assert.True(ratings["A"] > ratings["B"] + 400);
    }

    [Fact]
    public void Online_elo_moves_by_k_times_the_surprise()
    {
        var ratings = OnlineElo.Compute(["A", "B"], [new Battle("A", "B", 1)]);

        Assert.Equal(1002, ratings["A"], 9);
        Assert.Equal(998, ratings["B"], 9);
    }

    [Fact]
    public void Bootstrap_intervals_cover_the_true_ratings_about_95_percent_of_the_time()
    {
        // True ratings centred on 1000; battles drawn from the model; count how often each interval holds the truth.
        var truth = new Dictionary<string, double> { ["A"] = 1150, ["B"] = 1050, ["C"] = 950, ["D"] = 850 };
        var players = truth.Keys.ToList();
        int covered = 0, total = 0;
        for (var trial = 0; trial < 40; trial++)
        {
            var random = new Random(trial);
            var battles = new List<Battle>();
            for (var i = 0; i < 300; i++)
            {
                var a = players[random.Next(4)];
                var b = players[(players.IndexOf(a) + 1 + random.Next(3)) % 4];
                var p = 1 / (1 + Math.Pow(10, (truth[b] - truth[a]) / 400));
                battles.Add(new Battle(a, b, random.NextDouble() < p ? 1 : 0));
            }

            foreach (var rating in RatingBoard.Compute(players, battles, seed: trial, bootstrapRounds: 200))
            {
                total++;
                covered += rating.Lower <= truth[rating.Player] && truth[rating.Player] <= rating.Upper ? 1 : 0;
                Assert.True(rating.Lower <= rating.Value && rating.Value <= rating.Upper);
            }
        }

        var coverage = (double)covered / total;
        Assert.InRange(coverage, 0.85, 1.0);
    }

    [Fact]
    public void Resampling_items_widens_intervals_when_battles_of_an_item_agree()
    {
        // Each item yields ten identical battles: battle resampling thinks it saw 300 independent ones, item resampling 30.
        var random = new Random(3);
        var battles = new List<Battle>();
        for (var item = 0; item < 30; item++)
        {
            var score = random.NextDouble() < 0.6 ? 1 : 0;
            battles.AddRange(Enumerable.Repeat(new Battle("A", "B", score, $"item {item}"), 10));
        }

        var byBattle = RatingBoard.Compute(["A", "B"], battles, seed: 1, bootstrapRounds: 300, BootstrapUnit.Battles)[0];
        var byItem = RatingBoard.Compute(["A", "B"], battles, seed: 1, bootstrapRounds: 300, BootstrapUnit.Items)[0];

        Assert.Equal(byBattle.Value, byItem.Value, 9);
        Assert.True(byItem.Upper - byItem.Lower > 2.5 * (byBattle.Upper - byBattle.Lower));
    }

    [Fact]
    public void Rating_board_is_reproducible_from_its_seed_and_sorted_best_first()
    {
        var battles = new[] { new Battle("A", "B", 1), new Battle("A", "B", 0), new Battle("A", "B", 1), new Battle("B", "C", 1), new Battle("C", "A", 0) };

        var first = RatingBoard.Compute(["A", "B", "C"], battles, seed: 7, bootstrapRounds: 100);
        var second = RatingBoard.Compute(["A", "B", "C"], battles, seed: 7, bootstrapRounds: 100);

        Assert.Equal(first, second);
        Assert.Equal(["A", "B", "C"], first.Select(r => r.Player));
    }
}
