/* vt-language-picker.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "iiif/vt-manifest.h"

G_BEGIN_DECLS

#define VT_TYPE_LANGUAGE_PICKER (vt_language_picker_get_type ())

G_DECLARE_FINAL_TYPE (VtLanguagePicker, vt_language_picker, VT, LANGUAGE_PICKER, GtkWidget)

GtkWidget          *vt_language_picker_new             (void);
void                vt_language_picker_set_manifest    (VtLanguagePicker *self,
                                                        VtManifest       *manifest);
const char         *vt_language_picker_get_language    (VtLanguagePicker *self);
void                vt_language_picker_set_language    (VtLanguagePicker *self,
                                                        const char       *language);
char              **vt_language_picker_dup_languages   (VtLanguagePicker *self);
char              **vt_language_picker_dup_preferences (VtLanguagePicker *self);

G_END_DECLS
