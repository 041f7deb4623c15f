package io.natgrad.mujoco;

import static org.assertj.core.api.Assertions.assertThat;

import io.natgrad.rl.env.Env;
import io.natgrad.rl.env.EnvRegistry;
import io.natgrad.rl.render.Scene;
import io.natgrad.rl.render.Scenes;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tasks' pictures ({@code natgrad render}): geoms projected where the model puts them — the
 * hopper's torso capsule at its default pose spans z 1.05 to 1.45 at x = 0 (size 0.05 × 0.2), the
 * floor at z = 0, the camera on the torso — and a picture for every task, the planar Reacher and
 * Swimmer seen from above.
 */
class MujocoPictureTest {
  @BeforeAll
  static void library() {
    MujocoInstall.ensure();
  }

  @Test
  void theHoppersGeomsWhereTheModelPutsThem() {
    Env env = EnvRegistry.make("Hopper-v4");
    MujocoEnv task = (MujocoEnv) ((io.natgrad.rl.env.TimeLimit) env).unwrapped();
    env.reset(0);
    double[] s = task.state();
    double[] zero = new double[s.length];
    zero[2] = 1.25; // qpos = (x 0, z 1.25, angles 0): the model's default pose
    task.restoreState(zero);
    task.data().forward();
    Scene scene = Scenes.of(env);
    assertThat(scene.shapes().get(0)).isEqualTo(new Scene.Ground(0, 0xD9E6D9));
    List<Scene.Segment> segments = scene.shapes().stream()
        .filter(x -> x instanceof Scene.Segment).map(x -> (Scene.Segment) x).toList();
    assertThat(segments).hasSize(4);
    Scene.Segment torso = segments.stream().filter(x -> Math.abs(x.x1()) < 1e-9
        && Math.max(x.y1(), x.y2()) > 1.4).findFirst().orElseThrow();
    assertThat(Math.min(torso.y1(), torso.y2())).isCloseTo(1.05, Offset.offset(1e-9));
    assertThat(Math.max(torso.y1(), torso.y2())).isCloseTo(1.45, Offset.offset(1e-9));
    assertThat(torso.width()).isCloseTo(0.1, Offset.offset(1e-12));
    assertThat(scene.focusX()).isEqualTo(0);
    assertThat(Scenes.framesPerSecond(env)).isCloseTo(125, Offset.offset(1e-9));
  }

  @ParameterizedTest
  @ValueSource(strings = {"InvertedPendulum-v4", "InvertedDoublePendulum-v4", "Reacher-v4",
      "Swimmer-v4", "Hopper-v4", "HalfCheetah-v4", "Walker2d-v4", "Ant-v4"})
  void everyTaskHasAPicture(String id) {
    Env env = EnvRegistry.make(id);
    env.reset(2);
    Scene scene = Scenes.of(env);
    long bodies = scene.shapes().stream().filter(x -> !(x instanceof Scene.Ground)).count();
    assertThat(bodies).isGreaterThanOrEqualTo(2);
    boolean top = id.startsWith("Reacher") || id.startsWith("Swimmer");
    assertThat(scene.shapes().stream().anyMatch(x -> x instanceof Scene.Ground))
        .isEqualTo(!top && !id.equals("InvertedPendulum-v4")); // its model has no floor
  }
}
