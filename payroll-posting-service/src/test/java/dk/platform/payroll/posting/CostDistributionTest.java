package dk.platform.payroll.posting;

import dk.platform.ledger.api.Money;
import dk.platform.payroll.chart.Chart;
import dk.platform.payroll.chart.Usage;
import dk.platform.payroll.employer.CostDistribution;
import dk.platform.payroll.setup.Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import static dk.platform.payroll.posting.PostingFixture.chart;
import static dk.platform.payroll.posting.PostingFixture.credit;
import static dk.platform.payroll.posting.PostingFixture.debit;
import static dk.platform.payroll.posting.PostingFixture.employee;
import static dk.platform.payroll.posting.PostingFixture.linesOn;
import static dk.platform.payroll.posting.PostingFixture.money;
import static dk.platform.payroll.posting.PostingFixture.pay;
import static dk.platform.payroll.posting.PostingFixture.signedOn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cost distribution (fordeling af lønudgifter, SPEC §4.3): percents rounded half-up to the øre,
 * the rest to the last share when the percents make 100, else to the employee's own department;
 * fixed amounts; never an øre lost.
 */
class CostDistributionTest {

    /** Salary on 5000 by the employee's department (ANS), net pay on 2000 without department. */
    static Chart salaryByDepartment() {
        return chart("A1", debit("1100", "5000").dept("ANS"), credit("9991", "2000"));
    }

    static PostingFixture fixture(PostingFixture.Emp employee) {
        return new PostingFixture().chart(salaryByDepartment()).employee(employee);
    }

    @Test
    void thousandKronerSplitsExactlyAt33_33And33_33And33_34() {
        PostingFixture fixture = fixture(employee("E1").dept("0100")
                .percent("1100", "0201", "33.33").percent("1100", "0202", "33.33").percent("1100", "0203", "33.34"));

        Voucher voucher = fixture.run(pay("E1", "1100", "1000.00"), pay("E1", "9991", "1000.00"));

        assertThat(signedOn(voucher, "5000", "0201")).isEqualTo(money("333.30"));
        assertThat(signedOn(voucher, "5000", "0202")).isEqualTo(money("333.30"));
        assertThat(signedOn(voucher, "5000", "0203")).isEqualTo(money("333.40"));
        assertThat(signedOn(voucher, "5000", "0100")).isEqualTo(Money.ZERO);
        assertThat(voucher.postable()).isTrue();
    }

    @Test
    void percentsMaking99_99LeaveTheRestWithTheEmployeesOwnDepartment() {
        PostingFixture fixture = fixture(employee("E1").dept("0100")
                .percent("1100", "0201", "33.33").percent("1100", "0202", "33.33").percent("1100", "0203", "33.33"));

        Voucher voucher = fixture.run(pay("E1", "1100", "100.00"), pay("E1", "9991", "100.00"));

        assertThat(signedOn(voucher, "5000", "0201")).isEqualTo(money("33.33"));
        assertThat(signedOn(voucher, "5000", "0202")).isEqualTo(money("33.33"));
        assertThat(signedOn(voucher, "5000", "0203")).isEqualTo(money("33.33"));
        assertThat(signedOn(voucher, "5000", "0100")).isEqualTo(money("0.01"));
        assertThat(voucher.postable()).isTrue();
    }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource(delimiter = ';', value = {
            "10.00; 33.33 33.33 33.34; 3.33 3.33 3.34",
            "0.01; 50 50; 0.01 0.00",
            "0.02; 33.33 33.33 33.34; 0.01 0.01 0.00",
            "1.00; 33.33 33.33 33.34; 0.33 0.33 0.34",
            "99.99; 12.5 12.5 75; 12.50 12.50 74.99",
            "-10.00; 33.33 33.33 33.34; -3.33 -3.33 -3.34",
            "-0.01; 50 50; -0.01 0.00"})
    void percentsMaking100GiveTheRoundingRestToTheLastShareSoNoOereIsLost(String amount, String percents,
                                                                          String expectedShares) {
        PostingFixture.Emp employee = employee("E1").dept("0100");
        String[] split = percents.split(" ");
        for (int i = 0; i < split.length; i++) {
            employee.percent("1100", "020" + (i + 1), split[i]);
        }
        PostingFixture fixture = fixture(employee);

        Voucher voucher = fixture.run(pay("E1", "1100", amount), pay("E1", "9991", amount));

        String[] expected = expectedShares.split(" ");
        Money sum = Money.ZERO;
        for (int i = 0; i < expected.length; i++) {
            assertThat(signedOn(voucher, "5000", "020" + (i + 1))).as("share %d", i + 1).isEqualTo(money(expected[i]));
            sum = sum.plus(money(expected[i]));
        }
        assertThat(sum).isEqualTo(money(amount));
        assertThat(signedOn(voucher, "5000")).isEqualTo(money(amount));
        assertThat(signedOn(voucher, "5000", "0100")).as("nothing stays with the own department").isEqualTo(Money.ZERO);
        assertThat(fixture.specOf("E1").stream().filter(r -> r.wageType().equals("1100")).map(SpecRow::share)
                .reduce(Money.ZERO, Money::plus)).as("the spec's shares").isEqualTo(money(amount));
        assertThat(voucher.postable()).isTrue();
    }

    @Test
    void aFixedAmountGoesToItsDepartmentAndTheRestStaysWithTheEmployee() {
        PostingFixture fixture = fixture(employee("E1").dept("0100").fixed("1100", "0201", "250.00"));

        Voucher voucher = fixture.run(pay("E1", "1100", "1000.00"), pay("E1", "9991", "1000.00"));

        assertThat(signedOn(voucher, "5000", "0201")).isEqualTo(money("250.00"));
        assertThat(signedOn(voucher, "5000", "0100")).isEqualTo(money("750.00"));
        assertThat(voucher.postable()).isTrue();
    }

    @Test
    void aFixedAmountAndAPercentTogetherLeaveTheRestWithTheEmployee() {
        PostingFixture fixture = fixture(employee("E1").dept("0100")
                .fixed("1100", "0201", "100.00").percent("1100", "0202", "50"));

        Voucher voucher = fixture.run(pay("E1", "1100", "1000.00"), pay("E1", "9991", "1000.00"));

        assertThat(signedOn(voucher, "5000", "0201")).isEqualTo(money("100.00"));
        assertThat(signedOn(voucher, "5000", "0202")).isEqualTo(money("500.00"));
        assertThat(signedOn(voucher, "5000", "0100")).isEqualTo(money("400.00"));
    }

    @Test
    void aFixedAmountNeverMovesMoreThanTheLinesAmount() {
        PostingFixture fixture = fixture(employee("E1").dept("0100").fixed("1100", "0201", "250.00"));

        Voucher small = fixture.run(pay("E1", "1100", "100.00"), pay("E1", "9991", "100.00"));
        assertThat(signedOn(small, "5000", "0201")).isEqualTo(money("100.00"));
        assertThat(signedOn(small, "5000", "0100")).as("no cost credited to the own department").isEqualTo(Money.ZERO);

        Voucher negative = fixture.run(pay("E1", "1100", "-100.00"), pay("E1", "9991", "-100.00"));
        assertThat(signedOn(negative, "5000", "0201")).isEqualTo(money("-100.00"));
        assertThat(signedOn(negative, "5000", "0100")).isEqualTo(Money.ZERO);
    }

    @Test
    void aZeroLineWithAFixedAmountPostsNothing() {
        PostingFixture fixture = fixture(employee("E1").dept("0100").fixed("1100", "0201", "250.00"));

        Voucher voucher = fixture.run(pay("E1", "1100", "0.00"));

        assertThat(voucher.lines()).isEmpty();
        assertThat(voucher.postable()).isTrue();
    }

    @Test
    void fixedAmountsTakeWhatPercentsAndEarlierFixedAmountsLeft() {
        PostingFixture fixture = fixture(employee("E1").dept("0100")
                .fixed("1100", "0201", "150.00").percent("1100", "0202", "80").fixed("1100", "0203", "150.00"));

        Voucher voucher = fixture.run(pay("E1", "1100", "1000.00"), pay("E1", "9991", "1000.00"));

        assertThat(signedOn(voucher, "5000", "0202")).as("percent of the whole amount").isEqualTo(money("800.00"));
        assertThat(signedOn(voucher, "5000", "0201")).isEqualTo(money("150.00"));
        assertThat(signedOn(voucher, "5000", "0203")).as("only the 50.00 left").isEqualTo(money("50.00"));
        assertThat(signedOn(voucher, "5000", "0100")).isEqualTo(Money.ZERO);
        assertThat(voucher.postable()).isTrue();
    }

    @Test
    void aDistributionOutsideItsPeriodIsNotApplied() {
        LocalDate jan = LocalDate.of(2026, 1, 1);
        PostingFixture fixture = fixture(employee("E1").dept("0100")
                .distribution(new CostDistribution("1100", jan, LocalDate.of(2026, 9, 30), Field.DEPARTMENT, "0201",
                        new BigDecimal("100"), null))
                .distribution(new CostDistribution("1100", LocalDate.of(2026, 11, 1), null, Field.DEPARTMENT, "0202",
                        new BigDecimal("100"), null)));

        Voucher october = fixture.run(pay("E1", "1100", "1000.00"), pay("E1", "9991", "1000.00"));

        assertThat(signedOn(october, "5000", "0100")).isEqualTo(money("1000.00"));
        assertThat(signedOn(october, "5000", "0201")).isEqualTo(Money.ZERO);
        assertThat(signedOn(october, "5000", "0202")).isEqualTo(Money.ZERO);

        Voucher november = fixture.referenceDate(LocalDate.of(2026, 11, 30))
                .run(pay("E1", "1100", "1000.00"), pay("E1", "9991", "1000.00"));
        assertThat(signedOn(november, "5000", "0202")).as("from its from-date on").isEqualTo(money("1000.00"));
    }

    @Test
    void aDistributionsToDateIsTheLastDayItApplies() {
        PostingFixture fixture = fixture(employee("E1").dept("0100")
                .distribution(new CostDistribution("1100", LocalDate.of(2026, 1, 1), PostingFixture.REFERENCE_DATE,
                        Field.DEPARTMENT, "0201", new BigDecimal("100"), null)));

        Voucher voucher = fixture.run(pay("E1", "1100", "1000.00"), pay("E1", "9991", "1000.00"));

        assertThat(signedOn(voucher, "5000", "0201")).isEqualTo(money("1000.00"));
    }

    @Test
    void aDistributionOfAnotherWageTypeIsNotApplied() {
        PostingFixture fixture = fixture(employee("E1").dept("0100").percent("1101", "0201", "100"));

        Voucher voucher = fixture.run(pay("E1", "1100", "1000.00"), pay("E1", "9991", "1000.00"));

        assertThat(signedOn(voucher, "5000", "0100")).isEqualTo(money("1000.00"));
    }

    @Test
    void aNegativeAmountIsDistributedByPercentWithItsSignKept() {
        PostingFixture fixture = fixture(employee("E1").dept("0100")
                .percent("1100", "0201", "33.33").percent("1100", "0202", "33.33").percent("1100", "0203", "33.34"));

        Voucher voucher = fixture.run(pay("E1", "1100", "-1000.00"), pay("E1", "9991", "-1000.00"));

        assertThat(signedOn(voucher, "5000", "0201")).isEqualTo(money("-333.30"));
        assertThat(signedOn(voucher, "5000", "0202")).isEqualTo(money("-333.30"));
        assertThat(signedOn(voucher, "5000", "0203")).isEqualTo(money("-333.40"));
        assertThat(linesOn(voucher, "5000")).allSatisfy(l -> assertThat(l.credit()).isNotNull());
        assertThat(voucher.postable()).isTrue();
    }

    @Test
    void aNegativeAmountTakesAFixedAmountWithItsSign() {
        PostingFixture fixture = fixture(employee("E1").dept("0100").fixed("1100", "0201", "100.00"));

        Voucher voucher = fixture.run(pay("E1", "1100", "-1000.00"), pay("E1", "9991", "-1000.00"));

        assertThat(signedOn(voucher, "5000", "0201")).isEqualTo(money("-100.00"));
        assertThat(signedOn(voucher, "5000", "0100")).isEqualTo(money("-900.00"));
        assertThat(voucher.postable()).isTrue();
    }

    @Test
    void eachSharesSpecRowNamesTheWholeAmountAndTheShare() {
        PostingFixture fixture = fixture(employee("E1").dept("0100").percent("1100", "0201", "40"));

        fixture.run(pay("E1", "1100", "1000.00"), pay("E1", "9991", "1000.00"));

        assertThat(fixture.specOf("E1")).filteredOn(r -> r.wageType().equals("1100"))
                .extracting(r -> r.amount().toString(), r -> r.share().toString(), r -> r.values().get(0))
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("1000.00", "400.00", "0201"),
                        org.assertj.core.groups.Tuple.tuple("1000.00", "600.00", "0100"));
    }

    /**
     * Random amounts (both signs), random percent splits with two decimals and sometimes fixed
     * amounts: the shares always sum exactly to the amount; with percents making 100 (and no fixed
     * amount) nothing stays with the employee; each percent share is its percent of the amount to
     * within an øre per share; a fixed share lies between zero and its amount, in the amount's sign;
     * the voucher balances. Seeded, so a failure repeats.
     */
    @Test
    void randomAmountsAndSplitsNeverLoseAnOere() {
        Random random = new Random(20261031L);
        for (int round = 0; round < 500; round++) {
            long cents = random.nextInt(2) == 0 ? random.nextInt(1000) - 500 : random.nextLong(-10_000_000_00L, 10_000_000_00L);
            Money amount = new Money(BigDecimal.valueOf(cents, 2));
            boolean whole = random.nextInt(4) != 0;
            List<BigDecimal> percents = split(random, 1 + random.nextInt(7), whole ? 10_000 : random.nextInt(10_000));
            List<Money> fixed = new ArrayList<>();
            for (int i = random.nextInt(3) == 0 ? 1 + random.nextInt(2) : 0; i > 0; i--) {
                fixed.add(new Money(BigDecimal.valueOf(1 + random.nextLong(Math.abs(cents) * 2 + 2), 2)));
            }
            PostingFixture.Emp employee = employee("E1").dept("OWN");
            for (int i = 0; i < percents.size(); i++) {
                employee.percent("1100", "P" + i, percents.get(i).toPlainString());
            }
            for (int i = 0; i < fixed.size(); i++) {
                employee.fixed("1100", "F" + i, fixed.get(i).toString());
            }
            PostingFixture fixture = fixture(employee);

            Voucher voucher = fixture.run(pay("E1", "1100", amount.toString()), pay("E1", "9991", amount.toString()));

            String what = "round " + round + ": " + amount + " at " + percents + " and fixed " + fixed;
            TreeMap<String, Money> byDept = new TreeMap<>();
            for (SpecRow row : fixture.specOf("E1")) {
                if (row.wageType().equals("1100")) {
                    byDept.merge(row.values().get(0), row.share(), Money::plus);
                }
            }
            assertThat(byDept.values().stream().reduce(Money.ZERO, Money::plus)).as(what).isEqualTo(amount);
            assertThat(signedOn(voucher, "5000")).as(what).isEqualTo(amount);
            if (whole && fixed.isEmpty()) {
                assertThat(byDept.getOrDefault("OWN", Money.ZERO)).as(what).isEqualTo(Money.ZERO);
            }
            for (int i = 0; i < percents.size(); i++) {
                BigDecimal exact = amount.value().multiply(percents.get(i)).movePointLeft(2);
                BigDecimal share = byDept.getOrDefault("P" + i, Money.ZERO).value();
                assertThat(share.subtract(exact).abs()).as(what + " share " + i)
                        .isLessThanOrEqualTo(new BigDecimal("0.01").multiply(BigDecimal.valueOf(percents.size())));
            }
            for (int i = 0; i < fixed.size(); i++) {
                BigDecimal share = byDept.getOrDefault("F" + i, Money.ZERO).value().multiply(BigDecimal.valueOf(amount.signum()));
                assertThat(share).as(what + " fixed " + i).isBetween(BigDecimal.ZERO, fixed.get(i).value());
            }
            assertThat(voucher.difference()).as(what).isEqualTo(Money.ZERO);
            assertThat(voucher.voucherTotals().balanced()).as(what).isTrue();
            assertThat(voucher.centralTotals().balanced()).as(what).isTrue();
            assertThat(voucher.causes()).as(what).isEmpty();
        }
    }

    /** {@code parts} percents with 2 decimals making {@code basisPoints}/100. */
    private static List<BigDecimal> split(Random random, int parts, int basisPoints) {
        List<Integer> cuts = new ArrayList<>();
        for (int i = 0; i < parts - 1; i++) {
            cuts.add(random.nextInt(basisPoints + 1));
        }
        cuts.add(0);
        cuts.add(basisPoints);
        cuts.sort(null);
        List<BigDecimal> percents = new ArrayList<>();
        for (int i = 1; i < cuts.size(); i++) {
            percents.add(BigDecimal.valueOf(cuts.get(i) - cuts.get(i - 1), 2));
        }
        return percents;
    }

    @Test
    void aVoucherOnlyChartLineIsDistributedLikeAnyOther() {
        PostingFixture fixture = new PostingFixture()
                .chart(chart("A1", debit("1100", "5000").dept("ANS").usage(Usage.VOUCHER), credit("9991", "2000")
                        .usage(Usage.VOUCHER)))
                .employee(employee("E1").dept("0100").percent("1100", "0201", "50"));

        Voucher voucher = fixture.run(pay("E1", "1100", "10.01"), pay("E1", "9991", "10.01"));

        assertThat(signedOn(voucher, "5000", "0201")).isEqualTo(money("5.01"));
        assertThat(signedOn(voucher, "5000", "0100")).isEqualTo(money("5.00"));
        assertThat(voucher.centralPostings()).isEmpty();
    }
}
