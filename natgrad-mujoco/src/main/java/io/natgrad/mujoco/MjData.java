package io.natgrad.mujoco;

import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * The simulation state of one {@link MjModel} ({@code mjData}, from {@code mj_makeData}): the
 * arrays the tasks read and write ({@code qpos}, {@code qvel}, {@code act}, {@code ctrl},
 * {@code qacc_warmstart}, {@code xpos}, {@code site_xpos}, {@code cfrc_ext}, …) by their mjData
 * names, {@code time}, and the steps. Not thread-safe; one per environment copy.
 */
public final class MjData implements AutoCloseable {
  private final MjModel model;
  final Pointer ptr;
  /**
   * Each real array as a direct buffer over the native memory: reads and writes are the JVM's own
   * bulk copies, not a JNI call each (JNA's Pointer.read costs a native transition; on the cheap
   * models — 5 µs a physics step — those added up to a tenth of a step).
   */
  private final Map<String, DoubleBuffer> arrays = new HashMap<>();
  private final ByteBuffer header;
  private final Map<String, Integer> lengths = new HashMap<>();
  private final long timeOffset;
  private boolean closed;

  /** New data for {@code model}, as {@code mj_makeData} leaves it (reset to qpos0). */
  public MjData(MjModel model) {
    this.model = model;
    MjLayout l = model.layout;
    Pointer d = Mujoco.mj_makeData(model.ptr);
    if (d == null) {
      throw new IllegalStateException("mj_makeData failed (out of memory?)");
    }
    this.ptr = d;
    this.timeOffset = l.dataScalars.get("time");
    long base = Pointer.nativeValue(d.getPointer(l.dataBuffer));
    long end = base + Integer.toUnsignedLong(d.getInt(l.dataScalars.get("nbuffer")));
    Checks.ordered("mjData", l.dataPointers.values(), base, end,
        f -> Pointer.nativeValue(d.getPointer(f.offset())), f -> length(f) * f.elementSize(l));
    for (MjLayout.Field f : l.dataPointers.values()) {
      if (f.type().equals("mjtNum")) {
        int n = (int) length(f);
        arrays.put(f.name(), n == 0 ? DoubleBuffer.allocate(0) : d.getPointer(f.offset())
            .getByteBuffer(0, 8L * n).order(ByteOrder.nativeOrder()).asDoubleBuffer());
        lengths.put(f.name(), n);
      }
    }
    this.header = d.getByteBuffer(0, l.dataBuffer).order(ByteOrder.nativeOrder());
  }

  private long length(MjLayout.Field f) {
    return model.layout.dimension(f.dim1(), model::size)
        * model.layout.dimension(f.dim2(), model::size);
  }

  /** The model. */
  public MjModel model() {
    return model;
  }

  /** {@code mj_step}: one physics step of {@code opt.timestep}. */
  public void step() {
    Mujoco.mj_step(model.ptr, ptr);
  }

  /** {@code mj_forward}: the derived quantities of the current state, without integrating. */
  public void forward() {
    Mujoco.mj_forward(model.ptr, ptr);
  }

  /** {@code mj_rnePostConstraint}: {@code cacc}, {@code cfrc_int}, {@code cfrc_ext}. */
  public void rnePostConstraint() {
    Mujoco.mj_rnePostConstraint(model.ptr, ptr);
  }

  /** {@code mj_resetData}: the model's default state (qpos0, zero velocities, time 0). */
  public void reset() {
    Mujoco.mj_resetData(model.ptr, ptr);
  }

  public double time() {
    return header.getDouble((int) timeOffset);
  }

  public void setTime(double t) {
    header.putDouble((int) timeOffset, t);
  }

  /** An int scalar of mjData ({@code ncon}, {@code nefc}, …). */
  public int scalar(String name) {
    Long off = model.layout.dataScalars.get(name);
    if (off == null || name.equals("time")) {
      throw new IllegalArgumentException("mjData has no int scalar '" + name + "'");
    }
    return header.getInt(Math.toIntExact(off));
  }

  /** The length of a real array of mjData for this model. */
  public int length(String name) {
    Integer n = lengths.get(name);
    if (n == null) {
      throw new IllegalArgumentException("mjData has no real array '" + name + "'");
    }
    return n;
  }

  /** A copy of a real array ({@code qpos}, {@code xpos} (nbody × 3, row-major), …). */
  public double[] get(String name) {
    double[] out = new double[length(name)];
    get(name, out, 0);
    return out;
  }

  /** Copies a real array into {@code out} from {@code at}. */
  public void get(String name, double[] out, int at) {
    int n = length(name);
    if (n > 0) {
      arrays.get(name).get(0, out, at, n);
    }
  }

  /** Writes a real array (its whole length). */
  public void set(String name, double[] values) {
    set(name, values, 0);
  }

  /** Writes a real array from {@code values[at..]}. */
  public void set(String name, double[] values, int at) {
    int n = length(name);
    if (values.length - at < n) {
      throw new IllegalArgumentException(name + " has " + n + " entries, got "
          + (values.length - at));
    }
    if (n > 0) {
      arrays.get(name).put(0, values, at, n);
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      Mujoco.mj_deleteData(ptr);
    }
  }
}
