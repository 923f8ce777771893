/* vt-book.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "iiif/vt-book-layout.h"

G_BEGIN_DECLS

#define VT_TYPE_BOOK (vt_book_get_type ())

G_DECLARE_FINAL_TYPE (VtBook, vt_book, VT, BOOK, GObject)

VtBook       *vt_book_new             (VtManifest *manifest);
VtBookLayout *vt_book_get_layout      (VtBook     *self);
guint         vt_book_get_n_orders    (VtBook     *self);
char         *vt_book_dup_order_label (VtBook     *self,
                                       guint       order);
guint         vt_book_get_order       (VtBook     *self);
void          vt_book_set_order       (VtBook     *self,
                                       guint       order);
gboolean      vt_book_step            (VtBook     *self,
                                       guint       canvas,
                                       int         delta,
                                       guint      *out_canvas);
gboolean      vt_book_get_end         (VtBook     *self,
                                       gboolean    last,
                                       guint      *out_canvas);
const VtBookView *vt_book_get_view_of (VtBook     *self,
                                       guint       canvas);
char         *vt_book_dup_page_text   (VtBook     *self,
                                       guint       canvas);

G_END_DECLS
