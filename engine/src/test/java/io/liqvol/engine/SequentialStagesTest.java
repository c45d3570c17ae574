package io.liqvol.engine;

import com.lmax.disruptor.EventHandler;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SequentialStagesTest
{
    @Test
    void shouldPassEachEventThroughEveryStageInOrder() throws Exception
    {
        final List<String> calls = new ArrayList<>();
        final SequentialStages stages =
            new SequentialStages(List.of(recording("decode", calls), recording("publish", calls)));

        stages.onEvent(new FrameEvent(64), 7, true);

        assertThat(calls).containsExactly("decode 7 true", "publish 7 true");
    }

    @Test
    void shouldRunTheLaterStagesWhenOneThrowsAndRethrowTheFirstFailure()
    {
        final List<String> calls = new ArrayList<>();
        final EventHandler<FrameEvent> failing = (event, sequence, endOfBatch) ->
        {
            throw new IllegalStateException("decode failed");
        };
        final SequentialStages stages = new SequentialStages(List.of(failing, recording("publish", calls)));

        assertThatThrownBy(() -> stages.onEvent(new FrameEvent(64), 3, false)).hasMessage("decode failed");
        assertThat(calls).containsExactly("publish 3 false");
    }

    private static EventHandler<FrameEvent> recording(final String name, final List<String> calls)
    {
        return (event, sequence, endOfBatch) -> calls.add(name + " " + sequence + " " + endOfBatch);
    }
}
