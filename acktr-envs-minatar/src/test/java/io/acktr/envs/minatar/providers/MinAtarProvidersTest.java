package io.acktr.envs.minatar.providers;

import static org.assertj.core.api.Assertions.assertThat;

import io.acktr.api.env.DiscreteSpace;
import io.acktr.api.env.Environment;
import io.acktr.api.env.EnvironmentProvider;
import io.acktr.envs.minatar.Asterix;
import io.acktr.envs.minatar.Breakout;
import io.acktr.envs.minatar.Freeway;
import io.acktr.envs.minatar.MinAtarGame;
import io.acktr.envs.minatar.Seaquest;
import io.acktr.envs.minatar.SpaceInvaders;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class MinAtarProvidersTest {
    private static final Map<EnvironmentProvider, Class<? extends MinAtarGame>> PROVIDERS = Map.of(
            new AsterixProvider(), Asterix.class,
            new BreakoutProvider(), Breakout.class,
            new FreewayProvider(), Freeway.class,
            new SeaquestProvider(), Seaquest.class,
            new SpaceInvadersProvider(), SpaceInvaders.class);

    @Test
    void eachProviderCreatesItsGameWithTheTestbedDefaultsAndNoTimeLimitWrapper() {
        PROVIDERS.forEach((provider, gameClass) -> {
            Environment env = provider.create();

            assertThat(env).isExactlyInstanceOf(gameClass);
            assertThat(env.id()).isEqualTo(provider.id()).startsWith("MinAtar/").endsWith("-v0");
            assertThat(env.actionSpace()).isEqualTo(new DiscreteSpace(6));
            assertThat(((MinAtarGame) env).stickyActionProbability()).isEqualTo(0.1);
            assertThat(provider.description()).startsWith("MinAtar: ").contains("Discrete(6)");
        });
    }

    @Test
    void idsAreTheGymnasiumIdsOfMinAtarsFullActionSetVersions() {
        assertThat(PROVIDERS.keySet()).extracting(EnvironmentProvider::id).containsExactlyInAnyOrder(
                "MinAtar/Asterix-v0", "MinAtar/Breakout-v0", "MinAtar/Freeway-v0", "MinAtar/Seaquest-v0",
                "MinAtar/SpaceInvaders-v0");
    }

    @Test
    void eachCreateReturnsAnIndependentGame() {
        for (EnvironmentProvider provider : List.copyOf(PROVIDERS.keySet())) {
            Environment first = provider.create();
            Environment second = provider.create();

            assertThat(first).isNotSameAs(second);
            assertThat(first.reset(3)).containsExactly(second.reset(3));
        }
    }

    @Test
    void serviceLoaderFindsTheFiveProvidersThroughTheServicesFile() {
        List<Class<?>> found = ServiceLoader.load(EnvironmentProvider.class).stream()
                .map(ServiceLoader.Provider::type)
                .filter(type -> type.getPackageName().equals(BreakoutProvider.class.getPackageName()))
                .<Class<?>>map(type -> type)
                .toList();

        assertThat(found).containsExactlyInAnyOrder(AsterixProvider.class, BreakoutProvider.class,
                FreewayProvider.class, SeaquestProvider.class, SpaceInvadersProvider.class);
    }
}
