package io.natgrad.mujoco;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * The system MuJoCo library (Debian's {@code libmujoco2.2.2}) through JNA's direct mapping: the
 * few entry points natgrad's tasks call. Loaded once; a missing library or another version is
 * refused with a message saying what to install.
 */
public final class Mujoco {
  /** The version whose memory layout the binding carries ({@code mj_version()}). */
  public static final int SUPPORTED_VERSION = 222;
  private static volatile MjLayout layout;
  private static volatile RuntimeException failure;

  private Mujoco() {}

  static native int mj_version();

  static native Pointer mj_loadXML(String filename, Pointer vfs, byte[] error, int errorSize);

  static native Pointer mj_makeData(Pointer m);

  static native void mj_deleteData(Pointer d);

  static native void mj_deleteModel(Pointer m);

  static native void mj_resetData(Pointer m, Pointer d);

  static native void mj_step(Pointer m, Pointer d);

  static native void mj_forward(Pointer m, Pointer d);

  static native void mj_rnePostConstraint(Pointer m, Pointer d);

  static native int mj_name2id(Pointer m, int type, String name);

  /**
   * Loads the library (once) and returns its layout; throws {@link MujocoUnavailableException}
   * when the library is missing or of another version.
   */
  static MjLayout layout() {
    if (layout != null) {
      return layout;
    }
    synchronized (Mujoco.class) {
      if (failure != null) {
        throw failure;
      }
      if (layout == null) {
        try {
          layout = load();
        } catch (RuntimeException e) {
          failure = e;
          throw e;
        }
      }
      return layout;
    }
  }

  /** Whether the system library loads (and is the supported version). */
  public static boolean available() {
    try {
      layout();
      return true;
    } catch (MujocoUnavailableException e) {
      return false;
    }
  }

  /** {@code mj_version()} of the loaded library. */
  public static int version() {
    layout();
    return mj_version();
  }

  private static MjLayout load() {
    NativeLibrary lib = find(System.getProperty("natgrad.mujoco.library", "mujoco"),
        "/usr/lib/x86_64-linux-gnu/libmujoco.so.2.2.2");
    Native.register(Mujoco.class, lib);
    return layoutFor(mj_version(), lib.getFile().toString());
  }

  /** The library by JNA's name or path, else at {@code fallback}, else the install advice. */
  static NativeLibrary find(String name, String fallback) {
    try {
      return NativeLibrary.getInstance(name);
    } catch (UnsatisfiedLinkError e) {
      try {
        return NativeLibrary.getInstance(fallback);
      } catch (UnsatisfiedLinkError e2) {
        throw new MujocoUnavailableException("the MuJoCo library (libmujoco.so, version 2.2.2) "
            + "was not found (" + e.getMessage() + "). On Debian or Ubuntu: sudo apt-get install "
            + "libmujoco2.2.2. Elsewhere: download MuJoCo 2.2.2 from "
            + "https://github.com/deepmind/mujoco/releases/tag/2.2.2 and give its library with "
            + "-Dnatgrad.mujoco.library=/path/to/libmujoco.so.2.2.2 (in NATGRAD_JAVA_OPTS)", e2);
      }
    }
  }

  /** The layout of the library that reports {@code version}, or a refusal naming both versions. */
  static MjLayout layoutFor(int version, String file) {
    MjLayout l = MjLayout.forVersion(version);
    if (version != SUPPORTED_VERSION || l == null) {
      throw new MujocoUnavailableException("MuJoCo " + format(version) + " was found (" + file
          + "); natgrad's binding supports MuJoCo " + format(SUPPORTED_VERSION)
          + " (its memory layout differs between versions): install libmujoco2.2.2");
    }
    return l;
  }

  private static String format(int v) {
    return (v / 100) + "." + (v / 10 % 10) + "." + (v % 10);
  }
}
