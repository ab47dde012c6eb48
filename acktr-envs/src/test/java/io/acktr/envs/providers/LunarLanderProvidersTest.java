package io.acktr.envs.providers;

import static org.assertj.core.api.Assertions.assertThat;

import io.acktr.api.env.Environment;
import io.acktr.api.env.EnvironmentProvider;
import io.acktr.envs.box2d.LunarLander;
import io.acktr.envs.registry.EnvironmentRegistry;
import io.acktr.envs.wrappers.TimeLimit;
import org.junit.jupiter.api.Test;

class LunarLanderProvidersTest {
    @Test
    void serviceLoaderFindsBothLunarLanders() {
        EnvironmentRegistry registry = EnvironmentRegistry.load(LunarLanderProvidersTest.class.getClassLoader());

        assertThat(registry.find("LunarLander-v2")).get().isInstanceOf(LunarLanderProvider.class);
        assertThat(registry.find("LunarLanderContinuous-v2")).get().isInstanceOf(LunarLanderContinuousProvider.class);
        assertThat(registry.problems()).isEmpty();
    }

    @Test
    void discreteLanderIsWrappedInAThousandStepTimeLimit() {
        assertWrappedInAThousandStepTimeLimit(new LunarLanderProvider(), "LunarLander-v2", "Discrete(4)");
    }

    @Test
    void continuousLanderIsWrappedInAThousandStepTimeLimit() {
        assertWrappedInAThousandStepTimeLimit(new LunarLanderContinuousProvider(), "LunarLanderContinuous-v2", "Box(-1.0, 1.0, [2])");
    }

    @Test
    void eachCreateReturnsAnIndependentLander() {
        LunarLanderProvider provider = new LunarLanderProvider();
        Environment first = provider.create();
        Environment second = provider.create();

        assertThat(first).isNotSameAs(second);
        assertThat(first.reset(1)).containsExactly(second.reset(1));
    }

    @Test
    void providedLanderRendersThroughItsTimeLimit() {
        Environment env = new LunarLanderProvider().create();
        env.reset(0);

        assertThat(env.render().width()).isEqualTo(600);
        assertThat(env.render().height()).isEqualTo(400);
    }

    private static void assertWrappedInAThousandStepTimeLimit(EnvironmentProvider provider, String id, String actionSpace) {
        Environment env = provider.create();

        assertThat(provider.id()).isEqualTo(id);
        assertThat(provider.description()).contains(actionSpace).contains("1000 steps");
        assertThat(env.id()).isEqualTo(id);
        assertThat(env.actionSpace().describe()).isEqualTo(actionSpace);
        assertThat(((TimeLimit) env).maxEpisodeSteps()).isEqualTo(1000);
        assertThat(((TimeLimit) env).environment()).isInstanceOf(LunarLander.class);
    }
}
