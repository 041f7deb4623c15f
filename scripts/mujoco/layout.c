// Prints the memory layout natgrad's MuJoCo binding reads (natgrad-mujoco's
// src/main/resources/io/natgrad/mujoco/layout-<version>.tsv), from MuJoCo's own layout description:
// the X-macro lists of mjxmacro.h (every int size of mjModel, every pointer field of mjModel and
// mjData in order, with its element type and dimensions) and the compiler's offsetof on the
// installed headers. Run by scripts/mujoco/layout.sh.
#include <stddef.h>
#include <stdio.h>
#include <mujoco/mujoco.h>
#include <mujoco/mjxmacro.h>

int main(void) {
  printf("# MuJoCo %d layout, from mjxmacro.h and offsetof (scripts/mujoco/layout.sh)\n", mjVERSION_HEADER);
  printf("# struct\tfield\ttype\tdim1\tdim2\toffset\n");
  printf("version\t%d\t-\t-\t-\t-\n", mjVERSION_HEADER);
#define C(name) printf("const\t%s\tint\t1\t1\t%d\n", #name, name);
  C(mjNBIAS) C(mjNDYN) C(mjNEQDATA) C(mjNFLUID) C(mjNGAIN) C(mjNIMP) C(mjNREF)
#undef C
  printf("sizeof\tmjModel\t-\t-\t-\t%zu\n", sizeof(mjModel));
  printf("sizeof\tmjData\t-\t-\t-\t%zu\n", sizeof(mjData));
  printf("sizeof\tmjContact\t-\t-\t-\t%zu\n", sizeof(mjContact));
#define X(name) printf("model_int\t%s\tint\t1\t1\t%zu\n", #name, offsetof(mjModel, name));
  MJMODEL_INTS
#undef X
#define X(type, name) printf("model_opt\t%s\t%s\t1\t1\t%zu\n", #name, #type, offsetof(mjModel, opt.name));
  MJOPTION_SCALARS
#undef X
  printf("model_buffer\tbuffer\tvoid*\t1\t1\t%zu\n", offsetof(mjModel, buffer));
#define X(type, name, dim1, dim2) printf("model_ptr\t%s\t%s\t%s\t%s\t%zu\n", #name, #type, #dim1, #dim2, offsetof(mjModel, name));
  MJMODEL_POINTERS
#undef X
#define X(type, name) printf("data_scalar\t%s\t%s\t1\t1\t%zu\n", #name, #type, offsetof(mjData, name));
  MJDATA_SCALAR
#undef X
  printf("data_buffer\tbuffer\tvoid*\t1\t1\t%zu\n", offsetof(mjData, buffer));
  printf("data_buffer\tstack\tmjtNum*\t1\t1\t%zu\n", offsetof(mjData, stack));
#define X(type, name, dim1, dim2) printf("data_ptr\t%s\t%s\t%s\t%s\t%zu\n", #name, #type, #dim1, #dim2, offsetof(mjData, name));
  MJDATA_POINTERS
#undef X
  return 0;
}
