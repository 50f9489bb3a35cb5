#include <chc/chc.h>
int main() { return chc_abi_version() == CHC_ABI_VERSION && chc_strerror(CHC_E_DATE) != nullptr ? 0 : 1; }
