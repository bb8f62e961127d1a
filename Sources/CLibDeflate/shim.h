#ifndef CLIBDEFLATE_SHIM_H
#define CLIBDEFLATE_SHIM_H
/* libdeflate: only its CRC-32, which uses PCLMULQDQ/AVX where the CPU has them. */
#include <libdeflate.h>
#endif
