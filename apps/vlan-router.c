/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* Placeholder: being written. */

#include "apps/vlan-router.h"
