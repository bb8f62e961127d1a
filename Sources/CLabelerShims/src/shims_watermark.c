// The watermark's per-pixel work in C: Swift's SIMD types lowered the byte-wise add-and-clip lane
// by lane, and the compiler does not vectorise the interleaved RGBA loop on its own. With SSE2
// (the x86-64 baseline) four pixels go at a time; elsewhere the plain loop below does the same.
// No library is called; nothing here fails. See LabelerPixels/Watermark/WatermarkDelta.swift.
//
//     change[x] = round(gain · delta[x])        to nearest, ties to even
//     R, G, B of pixel x += change[x], each clipped to 0…255; alpha untouched
//
// SSE2, per 4 pixels (16 bytes): the 4 changes as int16 [c0 c1 c2 c3], spread to
// [c0 c0 c0 0 c1 c1 c1 0] and [c2 c2 c2 0 c3 c3 c3 0]; the bytes widened to int16 and added (no
// overflow: |change| ≤ 4096); PACKUSWB clips to 0…255 as it narrows; a lane whose clipped value
// differs from the sum marks the 4-pixel group as clipped.
#include "CLabelerShims.h"

#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// |change| above this always clips; clamping first keeps the int conversions defined.
#define CLABELER_WM_LIMIT 4096.0f

static inline float clabeler_wm_limit(float value) {
    value = value > CLABELER_WM_LIMIT ? CLABELER_WM_LIMIT : value;
    return value < -CLABELER_WM_LIMIT ? -CLABELER_WM_LIMIT : value;
}

// 1.5 · 2²³: adding it leaves a float below 2²² in magnitude rounded to an integer (to nearest, ties
// to even, the default mode); subtracting it gives that integer exactly. The compiler may not fold
// the pair without -ffast-math, which is never set here.
static inline int32_t clabeler_wm_change(float gain, float delta) {
    return (int32_t)((clabeler_wm_limit(gain * delta) + 12582912.0f) - 12582912.0f);
}

static inline int32_t clabeler_wm_clip(int32_t value) { return value < 0 ? 0 : value > 255 ? 255 : value; }

// One pixel, scalar: the new bytes written when `out` is not NULL; returns the squared error,
// with *lost set nonzero when a value clipped.
static inline int32_t clabeler_wm_pixel(const uint8_t *old, uint8_t *out, int32_t change, int32_t *lost) {
    int32_t sum = 0;
    for (size_t channel = 0; channel < 3; channel++) {
        int32_t value = clabeler_wm_clip(old[channel] + change);
        *lost |= value ^ (old[channel] + change);
        sum += (value - old[channel]) * (value - old[channel]);
        if (out != NULL) out[channel] = (uint8_t)value;
    }
    return sum;
}

// Pixels [start, width) one at a time; returns the squared error, flags per pixel if asked.
static int64_t clabeler_wm_tail(const uint8_t *old, uint8_t *out, const float *delta, size_t start, size_t width,
                                float gain, uint8_t *clipped, int32_t *any) {
    int64_t total = 0;
    for (size_t x = start; x < width; x++) {
        int32_t lost = 0;
        total += clabeler_wm_pixel(old + 4 * x, out == NULL ? NULL : out + 4 * x, clabeler_wm_change(gain, delta[x]), &lost);
        if (clipped != NULL) clipped[x] = lost != 0;
        *any |= lost;
    }
    return total;
}

// The shared row loop: `out` NULL only measures.
static int64_t clabeler_wm_row(const uint8_t *old, uint8_t *out, const float *delta, size_t width, float gain,
                               uint8_t *clipped, int32_t *any) {
    size_t x = 0;
    int64_t total = 0;
#if defined(__SSE2__)
    const __m128 scale = _mm_set1_ps(gain);
    const __m128 high = _mm_set1_ps(CLABELER_WM_LIMIT), low = _mm_set1_ps(-CLABELER_WM_LIMIT);
    const __m128i colour = _mm_set_epi16(0, -1, -1, -1, 0, -1, -1, -1);
    const __m128i zero = _mm_setzero_si128();
    __m128i errors = _mm_setzero_si128();
    size_t pending = 0;
    for (; x + 4 <= width; x += 4) {
        __m128 values = _mm_min_ps(_mm_max_ps(_mm_mul_ps(_mm_loadu_ps(delta + x), scale), low), high);
        __m128i changes = _mm_cvtps_epi32(values);  // MXCSR's mode: to nearest, ties to even
        __m128i packed = _mm_packs_epi32(changes, changes);       // c0 c1 c2 c3 c0 c1 c2 c3
        __m128i pairs = _mm_unpacklo_epi16(packed, packed);       // c0 c0 c1 c1 c2 c2 c3 c3
        __m128i first = _mm_and_si128(_mm_unpacklo_epi32(pairs, pairs), colour);   // c0×3 0 c1×3 0
        __m128i second = _mm_and_si128(_mm_unpackhi_epi32(pairs, pairs), colour);  // c2×3 0 c3×3 0
        __m128i bytes = _mm_loadu_si128((const __m128i *)(old + 4 * x));
        __m128i oldLow = _mm_unpacklo_epi8(bytes, zero), oldHigh = _mm_unpackhi_epi8(bytes, zero);
        __m128i sumLow = _mm_add_epi16(oldLow, first), sumHigh = _mm_add_epi16(oldHigh, second);
        __m128i result = _mm_packus_epi16(sumLow, sumHigh);
        __m128i newLow = _mm_unpacklo_epi8(result, zero), newHigh = _mm_unpackhi_epi8(result, zero);
        int same = _mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi16(newLow, sumLow), _mm_cmpeq_epi16(newHigh, sumHigh)));
        __m128i differenceLow = _mm_sub_epi16(newLow, oldLow), differenceHigh = _mm_sub_epi16(newHigh, oldHigh);
        errors = _mm_add_epi32(errors, _mm_madd_epi16(differenceLow, differenceLow));
        errors = _mm_add_epi32(errors, _mm_madd_epi16(differenceHigh, differenceHigh));
        if (out != NULL) _mm_storeu_si128((__m128i *)(out + 4 * x), result);
        if (same != 0xFFFF) {
            // Lanes 0–7 vs 8–15 compare pixels 0–1 with 2–3; the group is kept whole.
            *any = 1;
            if (clipped != NULL) memset(clipped + x, 1, 4);
        } else if (clipped != NULL) {
            memset(clipped + x, 0, 4);
        }
        // Each 32-bit lane gains at most 2 · 255² · 2 per step: flush well before it could overflow.
        if (++pending == 2048) {
            int32_t lanes[4];
            _mm_storeu_si128((__m128i *)lanes, errors);
            total += (int64_t)lanes[0] + lanes[1] + lanes[2] + lanes[3];
            errors = _mm_setzero_si128();
            pending = 0;
        }
    }
    int32_t lanes[4];
    _mm_storeu_si128((__m128i *)lanes, errors);
    total += (int64_t)lanes[0] + lanes[1] + lanes[2] + lanes[3];
#endif
    return total + clabeler_wm_tail(old, out, delta, x, width, gain, clipped, any);
}

int64_t CLabelerShims_wm_row_error(const uint8_t *rgba, const float *delta, size_t width, float gain) {
    int32_t any = 0;
    return clabeler_wm_row(rgba, NULL, delta, width, gain, NULL, &any);
}

int CLabelerShims_wm_row_apply(uint8_t *rgba, const float *delta, size_t width, float gain, uint8_t *saved,
                               uint8_t *clipped, int64_t *squared_error) {
    memcpy(saved, rgba, 4 * width);
    int32_t any = 0;
    *squared_error = clabeler_wm_row(saved, rgba, delta, width, gain, clipped, &any);
    return any != 0;
}
