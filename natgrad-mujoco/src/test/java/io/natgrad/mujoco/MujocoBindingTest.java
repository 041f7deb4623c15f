package io.natgrad.mujoco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The binding on the system library: version, models' sizes (the values Gymnasium's models have,
 * recorded with the episodes), every mapped real array of mjData written and read back, two data
 * stepping the same state agreeing bit for bit, and the raw physics of recorded steps replayed.
 */
class MujocoBindingTest {
  @BeforeAll
  static void library() {
    MujocoInstall.ensure();
  }

  @Test
  void versionAndSizes() {
    assertThat(Mujoco.version()).isEqualTo(222);
    try (MjModel m = MjModel.fromResource(Mujoco.class, "models/hopper.xml")) {
      assertThat(m.nq()).isEqualTo(6);
      assertThat(m.nv()).isEqualTo(6);
      assertThat(m.nu()).isEqualTo(3);
      assertThat(m.nbody()).isEqualTo(5);
      assertThat(m.timestep()).isEqualTo(0.002);
      assertThat(m.doubles("qpos0")).containsExactly(0, 1.25, 0, 0, 0, 0);
      assertThat(m.doubles("actuator_ctrlrange")).containsExactly(-1, 1, -1, 1, -1, 1);
    }
  }

  @Test
  void everyRealArrayRoundTripsAndTwoDataAgree() {
    try (MjModel m = MjModel.fromResource(Mujoco.class, "models/hopper.xml");
        MjData a = new MjData(m); MjData b = new MjData(m)) {
      for (MjLayout.Field f : m.layout.dataPointers.values()) {
        if (!f.type().equals("mjtNum")) {
          continue;
        }
        int n = a.length(f.name());
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
          v[i] = f.name().hashCode() * 1e-9 + i;
        }
        a.set(f.name(), v);
        assertThat(a.get(f.name())).as(f.name()).containsExactly(v);
      }
      a.reset();
      b.reset();
      double[] ctrl = {0.3, -0.7, 0.9};
      for (int t = 0; t < 200; t++) {
        a.set("ctrl", ctrl);
        b.set("ctrl", ctrl);
        a.step();
        b.step();
      }
      assertThat(a.get("qpos")).containsExactly(b.get("qpos"));
      assertThat(a.get("qvel")).containsExactly(b.get("qvel"));
      assertThat(a.time()).isEqualTo(b.time());
    }
  }

  /**
   * From each recorded pre-step state (time, qpos, qvel, act, qacc_warmstart) and action, frame_skip
   * mj_steps give the next recorded state (1e-12; InvertedPendulum bit for bit).
   */
  @Test
  void recordedPhysicsReplays() {
    for (String[] task : new String[][] {{"InvertedPendulum-v4", "inverted_pendulum.xml"},
        {"Hopper-v4", "hopper.xml"}}) {
      List<JsonNode> episodes = RecordedEpisodes.of(task[0]);
      try (MjModel m = MjModel.fromResource(Mujoco.class, "models/" + task[1]);
          MjData d = new MjData(m)) {
        assertThat(m.nq()).isEqualTo(episodes.get(0).get("nq").asInt());
        assertThat(m.timestep()).isEqualTo(episodes.get(0).get("timestep").asDouble());
        for (JsonNode e : episodes) {
          JsonNode steps = e.get("steps");
          int skip = e.get("frame_skip").asInt();
          for (int t = 0; t < steps.size(); t++) {
            JsonNode pre = steps.get(t).get("pre");
            JsonNode post = t + 1 < steps.size() ? steps.get(t + 1).get("pre")
                : e.get("final_state");
            restore(d, pre);
            d.set("ctrl", RecordedEpisodes.doubles(steps.get(t).get("action")));
            for (int k = 0; k < skip; k++) {
              d.step();
            }
            String at = task[0] + " episode " + e.get("episode") + " step " + t;
            RecordedEpisodes.assertClose(d.get("qpos"), RecordedEpisodes.doubles(post.get("qpos")),
                at + " qpos");
            RecordedEpisodes.assertClose(d.get("qvel"), RecordedEpisodes.doubles(post.get("qvel")),
                at + " qvel");
            RecordedEpisodes.assertClose(d.get("qacc_warmstart"),
                RecordedEpisodes.doubles(post.get("qacc_warmstart")), at + " qacc_warmstart");
            assertThat(d.time()).as(at).isEqualTo(post.get("time").asDouble());
          }
        }
      }
    }
  }

  static void restore(MjData d, JsonNode s) {
    d.setTime(s.get("time").asDouble());
    d.set("qpos", RecordedEpisodes.doubles(s.get("qpos")));
    d.set("qvel", RecordedEpisodes.doubles(s.get("qvel")));
    d.set("act", RecordedEpisodes.doubles(s.get("act")));
    d.set("qacc_warmstart", RecordedEpisodes.doubles(s.get("qacc_warmstart")));
  }

  @Test
  void aMissingLibraryOrAnotherVersionIsRefusedSayingWhatToInstall() {
    assertThatThrownBy(() -> Mujoco.find("/nonexistent/libmujoco.so", "/nonexistent/too.so"))
        .isInstanceOf(MujocoUnavailableException.class)
        .hasMessageContaining("apt-get install libmujoco2.2.2")
        .hasMessageContaining("github.com/deepmind/mujoco/releases");
    assertThatThrownBy(() -> Mujoco.layoutFor(231, "/opt/mujoco/lib/libmujoco.so.2.3.1"))
        .isInstanceOf(MujocoUnavailableException.class)
        .hasMessageContaining("MuJoCo 2.3.1 was found (/opt/mujoco/lib/libmujoco.so.2.3.1)")
        .hasMessageContaining("supports MuJoCo 2.2.2");
  }

  @Test
  void aBadModelIsRefusedWithMujocosMessage() throws java.io.IOException {
    java.nio.file.Path bad = java.nio.file.Files.createTempFile("bad", ".xml");
    java.nio.file.Files.writeString(bad, "<mujoco><worldbody><geom type=\"nonsense\"/>"
        + "</worldbody></mujoco>");
    assertThatThrownBy(() -> MjModel.load(bad)).hasMessageContaining("MuJoCo could not load")
        .hasMessageContaining("nonsense");
    java.nio.file.Files.delete(bad);
  }
}
