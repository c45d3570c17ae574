package io.liqvol.engine.alerts;

import io.liqvol.engine.Timeframe;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The rules by what they watch, immutable once built: liquidation rules, and bucket rules per timeframe. */
final class RuleSet
{
    static final RuleSet EMPTY =
        new RuleSet(new RuleState[0], new RuleState[Timeframe.count()][], 0, new int[Timeframe.count()]);

    final RuleState[] liquidationRules;
    final RuleState[][] bucketRules;
    final int interest;
    final int[] selections;

    private RuleSet(final RuleState[] liquidationRules, final RuleState[][] bucketRules, final int interest,
        final int[] selections)
    {
        this.liquidationRules = liquidationRules;
        this.bucketRules = bucketRules;
        for (int i = 0; i < bucketRules.length; i++)
        {
            if (bucketRules[i] == null)
            {
                bucketRules[i] = new RuleState[0];
            }
        }
        this.interest = interest;
        this.selections = selections;
    }

    /** The rules, keeping the state (cool-downs, fired buckets) of each rule that is unchanged. */
    static RuleSet of(final List<AlertRule> rules, final RuleSet previous)
    {
        final Map<String, RuleState> kept = new HashMap<>();
        previous.forEach(state -> kept.put(state.rule.id(), state));
        final List<RuleState> liquidation = new ArrayList<>();
        final List<List<RuleState>> bucket = new ArrayList<>();
        for (int i = 0; i < Timeframe.count(); i++)
        {
            bucket.add(new ArrayList<>());
        }
        for (final AlertRule rule : rules)
        {
            final RuleState old = kept.get(rule.id());
            final RuleState state = old != null && old.rule.equals(rule) ? old : new RuleState(rule);
            if (rule.condition() == AlertCondition.LIQUIDATION)
            {
                liquidation.add(state);
            }
            else
            {
                bucket.get(rule.timeframe().ordinal()).add(state);
            }
        }
        final RuleState[][] byTimeframe = new RuleState[Timeframe.count()][];
        for (int i = 0; i < byTimeframe.length; i++)
        {
            byTimeframe[i] = bucket.get(i).toArray(new RuleState[0]);
        }
        return new RuleSet(liquidation.toArray(new RuleState[0]), byTimeframe, interestOf(rules),
            selectionsOf(rules));
    }

    /** The listener's interest for these rules: {@link AlertListener#LIQUIDATIONS_BIT} and timeframe bits. */
    static int interestOf(final List<AlertRule> rules)
    {
        int interest = 0;
        for (final AlertRule rule : rules)
        {
            interest |= rule.condition() == AlertCondition.LIQUIDATION
                ? AlertListener.LIQUIDATIONS_BIT
                : 1 << rule.timeframe().ordinal();
        }
        return interest;
    }

    /** Per timeframe ordinal, bit {@code s} set when a bucket rule of it watches the venue selection {@code s}. */
    static int[] selectionsOf(final List<AlertRule> rules)
    {
        final int[] selections = new int[Timeframe.count()];
        for (final AlertRule rule : rules)
        {
            if (rule.condition() != AlertCondition.LIQUIDATION)
            {
                selections[rule.timeframe().ordinal()] |= 1 << rule.venueSelection();
            }
        }
        return selections;
    }

    private void forEach(final Consumer<RuleState> action)
    {
        for (final RuleState state : liquidationRules)
        {
            action.accept(state);
        }
        for (final RuleState[] states : bucketRules)
        {
            for (final RuleState state : states)
            {
                action.accept(state);
            }
        }
    }
}
