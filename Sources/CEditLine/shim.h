#ifndef DANECHECK_CEDITLINE_SHIM_H
#define DANECHECK_CEDITLINE_SHIM_H
#include <stdio.h>
#include <histedit.h>
#endif
