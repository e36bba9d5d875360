/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lumbar-journal.h"

G_BEGIN_DECLS

#define LUMBAR_TYPE_TIP_CARD (lumbar_tip_card_get_type ())

G_DECLARE_FINAL_TYPE (LumbarTipCard, lumbar_tip_card, LUMBAR, TIP_CARD, AdwBin)

GtkWidget     *lumbar_tip_card_new         (LumbarJournal *journal);
LumbarJournal *lumbar_tip_card_get_journal (LumbarTipCard *self);
void           lumbar_tip_card_set_journal (LumbarTipCard *self,
                                            LumbarJournal *journal);
LumbarDay      lumbar_tip_card_get_today   (LumbarTipCard *self);
void           lumbar_tip_card_set_today   (LumbarTipCard *self,
                                            LumbarDay      today);

G_END_DECLS
