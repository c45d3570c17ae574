console.log("liqvol test asset");
