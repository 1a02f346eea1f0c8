console.log("liaison");
