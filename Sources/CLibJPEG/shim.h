// libjpeg-turbo (pkg-config `libjpeg`). <jpeglib.h> uses FILE and size_t without
// including anything itself, so <stdio.h> must come first (libjpeg.txt, "Compilation").
#include <stdio.h>
#include <jpeglib.h>
#include <jerror.h>
