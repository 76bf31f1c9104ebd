/* image.c - reading PNG and JPEG images, before libharu sees them. */
#include <png.h>
#include <stdlib.h>
#include <string.h>

#include "oom.h"
#include "pdf_int.h"
#include "xstr.h"

#define IMAGE_MAX_SIDE 8192u
#define IMAGE_MAX_PIXELS (16u << 20)

/* A JPEG's size from its first frame header, read the way libharu reads
 * it (which takes baseline, extended and progressive frames only). */
bool pdf_jpeg_size(const unsigned char *b, size_t len, unsigned *wd, unsigned *ht,
                   char **err)
{
	size_t at = 2;
	while (at + 4 <= len) {
		unsigned tag = pdf_u16(b + at), size = pdf_u16(b + at + 2);
		if (tag == 0xFFC0 || tag == 0xFFC1 || tag == 0xFFC2 || tag == 0xFFC9) {
			if (at + 10 > len)
				break;
			unsigned bits = b[at + 4], comps = b[at + 9];
			*ht = pdf_u16(b + at + 5);
			*wd = pdf_u16(b + at + 7);
			if (bits != 8 || (comps != 1 && comps != 3 && comps != 4)) {
				*err = xstr_printf("a JPEG with %u-bit samples and %u components is not supported",
				             bits, comps);
				return false;
			}
			return true;
		}
		if ((tag | 0xFF) != 0xFFFF || size < 2)
			break;
		at += 2 + size;
	}
	*err = xstr_printf("not a JPEG image libharu can read (no frame header found)");
	return false;
}

/* Decodes a whole PNG to 8-bit RGB or RGBA (*alpha); *pixels is malloc'd. */
bool pdf_png_decode(const unsigned char *b, size_t len, unsigned char **pixels, unsigned *wd,
                  unsigned *ht, bool *alpha, char **err)
{
	png_image img;
	memset(&img, 0, sizeof img);
	img.version = PNG_IMAGE_VERSION;
	*pixels = NULL;
	if (!png_image_begin_read_from_memory(&img, b, len)) {
		*err = xstr_printf("not a readable PNG image (%s)", img.message);
		png_image_free(&img);
		return false;
	}
	if (img.width == 0 || img.height == 0 || img.width > IMAGE_MAX_SIDE ||
	    img.height > IMAGE_MAX_SIDE || (size_t)img.width * img.height > IMAGE_MAX_PIXELS) {
		*err = xstr_printf("the image is %lu x %lu pixels; at most %u on a side and %u in all",
		             (unsigned long)img.width, (unsigned long)img.height, IMAGE_MAX_SIDE,
		             IMAGE_MAX_PIXELS);
		png_image_free(&img);
		return false;
	}
	*alpha = (img.format & PNG_FORMAT_FLAG_ALPHA) != 0;
	img.format = *alpha ? PNG_FORMAT_RGBA : PNG_FORMAT_RGB;
	*pixels = malloc(PNG_IMAGE_SIZE(img));
	if (*pixels == NULL)
		oom_abort();
	if (!png_image_finish_read(&img, NULL, *pixels, 0, NULL)) {
		*err = xstr_printf("the PNG image is damaged (%s)", img.message);
		png_image_free(&img);
		free(*pixels);
		*pixels = NULL;
		return false;
	}
	*wd = img.width;
	*ht = img.height;
	return true;
}

bool pdf_is_png(const unsigned char *b, size_t len)
{
	return len >= 8 && memcmp(b, "\x89PNG\r\n\x1a\n", 8) == 0;
}

bool pdf_is_jpeg(const unsigned char *b, size_t len)
{
	return len >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF;
}

bool pdf_image_probe(const unsigned char *buf, size_t len, double *width, double *height,
                     char **err)
{
	unsigned char *px = NULL;
	unsigned wd = 0, ht = 0;
	bool alpha, ok;
	*err = NULL;
	if (pdf_is_png(buf, len))
		ok = pdf_png_decode(buf, len, &px, &wd, &ht, &alpha, err);
	else if (pdf_is_jpeg(buf, len))
		ok = pdf_jpeg_size(buf, len, &wd, &ht, err);
	else {
		*err = xstr_printf("not a PNG or JPEG image");
		ok = false;
	}
	if (ok && (wd == 0 || ht == 0 || wd > IMAGE_MAX_SIDE || ht > IMAGE_MAX_SIDE)) {
		*err = xstr_printf("the image is %u x %u pixels; at most %u on a side", wd, ht,
		             IMAGE_MAX_SIDE);
		ok = false;
	}
	free(px);
	*width = wd;
	*height = ht;
	return ok;
}
