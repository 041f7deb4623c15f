package io.natgrad.mujoco;

import com.sun.jna.Pointer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A compiled MuJoCo model ({@code mjModel}, from an MJCF file by {@code mj_loadXML}): its sizes,
 * options and arrays read through the layout table. Closing it frees the native model; the
 * {@link MjData} made from it must be closed first.
 */
public final class MjModel implements AutoCloseable {
  final Pointer ptr;
  final MjLayout layout;
  private final String source;
  private boolean closed;

  private MjModel(Pointer ptr, MjLayout layout, String source) {
    this.ptr = ptr;
    this.layout = layout;
    this.source = source;
    checkBuffer();
  }

  /** Loads and compiles an MJCF file; a compile error is refused with MuJoCo's message. */
  public static MjModel load(Path xml) {
    MjLayout l = Mujoco.layout();
    byte[] error = new byte[1000];
    Pointer m = Mujoco.mj_loadXML(xml.toAbsolutePath().toString(), null, error, error.length);
    if (m == null) {
      int n = 0;
      while (n < error.length && error[n] != 0) {
        n++;
      }
      throw new IllegalArgumentException("MuJoCo could not load " + xml + ": "
          + new String(error, 0, n, StandardCharsets.UTF_8));
    }
    return new MjModel(m, l, xml.toString());
  }

  /** Loads an MJCF model shipped as a class-path resource (copied to a temporary file). */
  public static MjModel fromResource(Class<?> anchor, String resource) {
    try (InputStream in = anchor.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no model resource " + resource);
      }
      Path tmp = Files.createTempFile("natgrad-mujoco-", ".xml");
      try {
        Files.write(tmp, in.readAllBytes());
        return load(tmp);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A size of the model by its mjModel name ({@code nq}, {@code nv}, {@code nu}, {@code nbody}, …). */
  public int size(String name) {
    Long off = layout.modelInts.get(name);
    if (off == null) {
      throw new IllegalArgumentException("mjModel has no size '" + name + "'");
    }
    return ptr.getInt(off);
  }

  public int nq() {
    return size("nq");
  }

  public int nv() {
    return size("nv");
  }

  public int nu() {
    return size("nu");
  }

  public int na() {
    return size("na");
  }

  public int nbody() {
    return size("nbody");
  }

  /** The simulation time step {@code opt.timestep}. */
  public double timestep() {
    return ptr.getDouble(layout.modelOptions.get("timestep"));
  }

  /** A real (mjtNum) array of the model, row-major, e.g. {@code qpos0}, {@code actuator_ctrlrange}. */
  public double[] doubles(String name) {
    MjLayout.Field f = field(name, "mjtNum");
    int n = (int) length(f);
    return n == 0 ? new double[0] : ptr.getPointer(f.offset()).getDoubleArray(0, n);
  }

  /** An int array of the model, e.g. {@code geom_type}, {@code geom_bodyid}. */
  public int[] ints(String name) {
    MjLayout.Field f = field(name, "int");
    int n = (int) length(f);
    return n == 0 ? new int[0] : ptr.getPointer(f.offset()).getIntArray(0, n);
  }

  /** A float array of the model, e.g. {@code geom_rgba}. */
  public float[] floats(String name) {
    MjLayout.Field f = field(name, "float");
    int n = (int) length(f);
    return n == 0 ? new float[0] : ptr.getPointer(f.offset()).getFloatArray(0, n);
  }

  /** The number of columns of a model array ({@code dim2}). */
  public int columns(String name) {
    MjLayout.Field f = layout.modelPointers.get(name);
    return (int) layout.dimension(f.dim2(), this::size);
  }

  /** The id of a named object ({@code mjOBJ_BODY} = 1, {@code mjOBJ_GEOM} = 5, {@code mjOBJ_SITE} = 6), -1 if none. */
  public int id(int type, String name) {
    return Mujoco.mj_name2id(ptr, type, name);
  }

  long length(MjLayout.Field f) {
    return layout.dimension(f.dim1(), this::size) * layout.dimension(f.dim2(), this::size);
  }

  private MjLayout.Field field(String name, String type) {
    MjLayout.Field f = layout.modelPointers.get(name);
    if (f == null || !f.type().equals(type)) {
      throw new IllegalArgumentException("mjModel has no " + type + " array '" + name + "'");
    }
    return f;
  }

  /** The pointer fields lie in the model's buffer in mjxmacro.h's order, each after the last. */
  private void checkBuffer() {
    long base = Pointer.nativeValue(ptr.getPointer(layout.modelBuffer));
    long end = base + Integer.toUnsignedLong(size("nbuffer"));
    Checks.ordered("mjModel of " + source, layout.modelPointers.values(), base, end,
        f -> Pointer.nativeValue(ptr.getPointer(f.offset())), f -> length(f) * f.elementSize(layout));
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      Mujoco.mj_deleteModel(ptr);
    }
  }

  @Override
  public String toString() {
    return "MjModel(" + source + ": nq=" + nq() + ", nv=" + nv() + ", nu=" + nu() + ", nbody="
        + nbody() + ")";
  }
}
